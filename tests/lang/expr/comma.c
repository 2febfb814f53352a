// The comma operator evaluates left to right and gives the right value.
// expect: 3 2
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a = 0, b;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    b = (a = 1, a + 1);
    a = (b++, b);
    DbgPrint("%d %d\n", a, b - 1);
    return STATUS_SUCCESS;
}
