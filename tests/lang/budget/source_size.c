// A driver larger than the source budget (here 200 bytes) is refused before compiling.
// scenario source-bytes: 200
// expect error 1:1: lang.budget.source
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return STATUS_SUCCESS;
}
