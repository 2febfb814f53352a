// A spin lock raises to DISPATCH_LEVEL while held; the code in between runs at DISPATCH.
// expect: inside at 2, count 1
// expect irql DISPATCH_LEVEL at line 18
// expect irql PASSIVE_LEVEL at line 20
#include <fltKernel.h>

KSPIN_LOCK Lock;
ULONG Count;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&Lock);
    KeAcquireSpinLock(&Lock, &old);
    Count++;
    DbgPrint("inside at %d, count %u\n", KeGetCurrentIrql(), Count);
    KeReleaseSpinLock(&Lock, old);
    return STATUS_SUCCESS;
}
