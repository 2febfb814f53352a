// ExAllocatePool (deprecated) is a macro for ExAllocatePoolWithTag with the tag 'None'.
// expect event pool_alloc "tag":"None"
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PVOID p = ExAllocatePool(NonPagedPoolNx, 8);
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (p) ExFreePool(p);
    return STATUS_SUCCESS;
}
