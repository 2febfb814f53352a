// Arrays of arrays, row-major, with nested braces.
// expect: 6 24 5
#include <fltKernel.h>

int Grid[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d\n", Grid[1][2], (int)sizeof(Grid), *(&Grid[0][0] + 4));
    return STATUS_SUCCESS;
}
