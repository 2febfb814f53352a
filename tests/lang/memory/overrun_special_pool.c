// Writing past the end of a pool block: with special pool, bug check 0xD6.
// scenario verifier: on
// expect bugcheck 0xD6
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PUCHAR p = ExAllocatePoolWithTag(NonPagedPoolNx, 10, 'revO');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!p) return STATUS_INSUFFICIENT_RESOURCES;
    for (int i = 0; i <= 16; i++) p[i] = 0;
    ExFreePoolWithTag(p, 'revO');
    return STATUS_SUCCESS;
}
