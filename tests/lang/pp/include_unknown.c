// Any other header is an error that names it.
// expect error 4:1: cannot open include file 'myheader.h'
#include <fltKernel.h>
#include "myheader.h"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return STATUS_SUCCESS;
}
