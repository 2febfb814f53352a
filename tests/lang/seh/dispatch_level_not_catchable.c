// At DISPATCH_LEVEL a bad address is not an exception: __except does not help, Windows stops
// with 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (P2 = the IRQL, P3 = 1 for a write).
// expect bugcheck 0xD1 0x0 0x2 0x1
// expect no event exception
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    __try {
        *(volatile int *)0 = 1;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("never\n");
    }
    KeLowerIrql(old);
    return STATUS_SUCCESS;
}
