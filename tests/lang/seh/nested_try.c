// Nested __try blocks: the innermost handler takes the exception; execution goes on after it.
// expect: inner
// expect: after inner
// expect: finally
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        __try {
            *(PUCHAR)8 = 0;
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            DbgPrint("inner\n");
        }
        DbgPrint("after inner\n");
    } __finally {
        DbgPrint("finally\n");
    }
    return STATUS_SUCCESS;
}
