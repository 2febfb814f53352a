// UNREFERENCED_PARAMETER is an expression statement that evaluates nothing visible.
// expect: ok
// expect line 8 runs 1 times
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("ok\n");
    return STATUS_SUCCESS;
}
