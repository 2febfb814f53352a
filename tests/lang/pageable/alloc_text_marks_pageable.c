// #pragma alloc_text(PAGE, F) makes F pageable (the trace's header says so); INIT is accepted.
// expect: helper
// expect event run_start
#include <fltKernel.h>

DRIVER_INITIALIZE DriverEntry;
VOID Helper(VOID);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, Helper)
#endif

VOID Helper(VOID)
{
    PAGED_CODE();
    DbgPrint("helper\n");
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Helper();
    return STATUS_SUCCESS;
}
