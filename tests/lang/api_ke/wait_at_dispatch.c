// Waiting with no timeout at DISPATCH_LEVEL: Driver Verifier stops it (0xC4).
// scenario verifier: on
// expect bugcheck 0xC4
#include <fltKernel.h>

KEVENT Never;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeEvent(&Never, NotificationEvent, FALSE);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    KeWaitForSingleObject(&Never, Executive, KernelMode, FALSE, NULL);
    KeLowerIrql(old);
    return STATUS_SUCCESS;
}
