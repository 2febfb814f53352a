// Comparisons: signed against unsigned follows the usual arithmetic conversions
// (-1 < 1u is false: -1 becomes 0xFFFFFFFF).
// expect: 1 0 1 1 0 1
// expect: 0 1 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a = -1, b = 1;
    unsigned int ub = 1;
    LONGLONG big = -1;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d %d\n", a < b, a > b, a <= a, b >= a, a == b, a != b);
    DbgPrint("%d %d %d\n", a < ub, big < ub, (LONGLONG)a < (LONGLONG)ub);
    return STATUS_SUCCESS;
}
