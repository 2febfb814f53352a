// Reading a user address (NULL) at PASSIVE_LEVEL raises STATUS_ACCESS_VIOLATION; __except
// catches it at the exact statement and execution continues in the handler.
// expect: before
// expect: caught c0000005
// expect: after
// expect exception STATUS_ACCESS_VIOLATION driver
// expect no event statement "line":18,
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PULONG p = NULL;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        DbgPrint("before\n");
        *p = 1;
        DbgPrint("not reached\n");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("caught %x\n", GetExceptionCode());
    }
    DbgPrint("after\n");
    return STATUS_SUCCESS;
}
