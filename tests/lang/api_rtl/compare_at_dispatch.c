// RtlCompareUnicodeString is documented for PASSIVE_LEVEL only: calling it at DISPATCH_LEVEL
// is a rule violation (API-1) that stops the run under Driver Verifier.
// scenario verifier: on
// expect violation API-1
// expect end verifier
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING a = RTL_CONSTANT_STRING(L"a");
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    RtlCompareUnicodeString(&a, &a, TRUE);
    KeLowerIrql(old);
    return STATUS_SUCCESS;
}
