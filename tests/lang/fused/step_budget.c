// Without statement events the step budget still counts every statement: an endless loop in
// DriverEntry ends with a budget event.
// scenario events: off
// scenario max-events: 100
// expect end budget
// expect event run_end
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    volatile int forever = 1;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    while (forever) { }
    return STATUS_SUCCESS;
}
