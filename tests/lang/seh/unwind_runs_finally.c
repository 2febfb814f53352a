// An exception caught in an outer frame runs the __finally blocks of the inner frames on
// the way (unwinding), innermost first.
// expect: inner finally
// expect: middle finally
// expect: handler c0000005
#include <fltKernel.h>

void Inner(void)
{
    __try {
        *(volatile int *)0 = 1;
    } __finally {
        DbgPrint("inner finally\n");
    }
}

void Middle(void)
{
    __try {
        Inner();
    } __finally {
        DbgPrint("middle finally\n");
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        Middle();
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("handler %x\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
