// #warning reports a warning and goes on.
// expect warning 4:1: lang.pp.warning_directive
#include <fltKernel.h>
#warning remember to sign the driver

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return STATUS_SUCCESS;
}
