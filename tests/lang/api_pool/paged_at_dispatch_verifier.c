// Allocating paged pool at DISPATCH_LEVEL: with Driver Verifier, 0xC4 (P1 = 0x1, allocation at
// a bad IRQL).
// scenario verifier: on
// expect bugcheck 0xC4 0x1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    PVOID p;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    p = ExAllocatePoolWithTag(PagedPool, 16, 'daBT');
    KeLowerIrql(old);
    if (p) ExFreePoolWithTag(p, 'daBT');
    return STATUS_SUCCESS;
}
