// A backward goto makes a loop.
// expect: 3
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int n = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
again:
    n++;
    if (n < 3) goto again;
    DbgPrint("%d\n", n);
    return STATUS_SUCCESS;
}
