// Without special pool Windows notices nothing at once: the write goes into the stale block
// and the trace records a warning.
// expect event memory_warning write after free
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
