// RtlUnicodeStringToInteger is documented for PASSIVE_LEVEL: at DISPATCH_LEVEL under Driver
// Verifier it is an API-1 violation.
// scenario verifier: on
// expect violation API-1
// expect end verifier
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING s = RTL_CONSTANT_STRING(L"12");
    ULONG v;
    KSPIN_LOCK lock;
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&lock);
    KeAcquireSpinLock(&lock, &old);
    RtlUnicodeStringToInteger(&s, 10, &v);
    KeReleaseSpinLock(&lock, old);
    return STATUS_SUCCESS;
}
