// DbgPrintEx takes a component and a level before the format.
// expect: level 0 component 77
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "level %d component %d\n", DPFLTR_ERROR_LEVEL, DPFLTR_IHVDRIVER_ID);
    return STATUS_SUCCESS;
}
