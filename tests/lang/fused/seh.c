// __try scopes whose first and last statements are folded: __finally runs on the way out of a
// loop, __leave skips the rest, and an access violation lands in the __except handler.
// scenario events: off
// expect: finally 0
// expect: finally 1
// expect: finally 2
// expect: left early
// expect: caught c0000005
// expect: after 3
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int after = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 5; i++) {
        __try {
            if (i == 2) break;
            after++;
        } __finally {
            DbgPrint("finally %d\n", i);
        }
    }
    __try {
        after++;
        __leave;
    } __finally {
        DbgPrint("left early\n");
    }
    __try {
        volatile int *p = (volatile int *)(ULONG_PTR)0x10;
        *p = 1;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("caught %x\n", GetExceptionCode());
    }
    DbgPrint("after %d\n", after);
    return STATUS_SUCCESS;
}
