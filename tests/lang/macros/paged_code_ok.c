// PAGED_CODE() checks the IRQL (a KeGetCurrentIrql call) and passes at PASSIVE_LEVEL.
// expect: pageable routine ran
// expect event api_call KeGetCurrentIrql
#include <fltKernel.h>

VOID Helper(VOID);
#pragma alloc_text(PAGE, Helper)

VOID Helper(VOID)
{
    PAGED_CODE();
    DbgPrint("pageable routine ran\n");
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Helper();
    return STATUS_SUCCESS;
}
