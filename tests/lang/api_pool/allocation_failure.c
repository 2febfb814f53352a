// Pool runs out (the scenario fails the first allocation): ExAllocatePoolWithTag returns NULL
// and the driver must cope.
// scenario fail-pool: 1
// expect: no memory
// expect: second ok
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 100, 'liaF');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (p == NULL) DbgPrint("no memory\n");
    p = ExAllocatePoolWithTag(NonPagedPoolNx, 100, 'liaF');
    if (p != NULL) {
        DbgPrint("second ok\n");
        ExFreePoolWithTag(p, 'liaF');
    }
    return STATUS_SUCCESS;
}
