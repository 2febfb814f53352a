// The compiler's memory budget (here 300 KB, less than the built-in headers need).
// scenario compile-bytes: 300000
// expect error 1:1: lang.budget.memory
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return STATUS_SUCCESS;
}
