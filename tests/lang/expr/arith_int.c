// Integer arithmetic in 32-bit int (LLP64): wrap-around, division towards zero, remainder sign.
// expect: 7 -3 10 2 1
// expect: -2 -1 2147483647 -2147483648
// expect: 4294967295 0 2147483648
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a = 5, b = 2;
    int big = 2147483647;
    unsigned int u = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d\n", a + b, b - a, a * b, a / b, a % b);
    DbgPrint("%d %d %d %d\n", -5 / 2, -5 % 2, big, big + 1);
    DbgPrint("%u %u %u\n", u - 1, (u - 1) + 1, (unsigned int)big + 1);
    return STATUS_SUCCESS;
}
