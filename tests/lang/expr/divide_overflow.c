// INT_MIN / -1 overflows; x64's idiv traps and Windows raises STATUS_INTEGER_OVERFLOW,
// which __except catches.
// expect: caught c0000095
#include <fltKernel.h>

int MinusOne = -1;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = INT_MIN;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        x = x / MinusOne;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("caught %x\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
