// An endless loop in DriverEntry ends when the engine's step budget (50 statements per event of
// the event budget, here 100 events) runs out: a budget event, not a hang of the browser.
// scenario max-events: 100
// expect end budget
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    volatile int forever = 1;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    while (forever) { }
    return STATUS_SUCCESS;
}
