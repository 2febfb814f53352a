// Freeing the same block twice is bug check 0xC2 BAD_POOL_CALLER (P1 = 7).
// expect bugcheck 0xC2 0x7
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 32, 'elbD');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!p) return STATUS_INSUFFICIENT_RESOURCES;
    ExFreePoolWithTag(p, 'elbD');
    ExFreePoolWithTag(p, 'elbD');
    return STATUS_SUCCESS;
}
