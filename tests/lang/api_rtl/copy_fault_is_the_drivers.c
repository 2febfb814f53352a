// RtlCopyMemory is the driver's own code (an intrinsic): copying from a bad address at
// DISPATCH_LEVEL is 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL, not 0xA.
// expect bugcheck 0xD1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    UCHAR buffer[8];
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    RtlCopyMemory(buffer, (PVOID)0x10, sizeof(buffer));
    KeLowerIrql(old);
    return STATUS_SUCCESS;
}
