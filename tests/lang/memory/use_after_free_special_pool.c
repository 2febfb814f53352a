// With Driver Verifier (special pool), touching freed pool is bug check 0xD5.
// scenario verifier: on
// expect bugcheck 0xD5
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PULONG p = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'fuaT');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!p) return STATUS_INSUFFICIENT_RESOURCES;
    ExFreePoolWithTag(p, 'fuaT');
    *p = 1;
    return STATUS_SUCCESS;
}
