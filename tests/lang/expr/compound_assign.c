// Compound assignment: the operation in the promoted type, the result stored in the left type.
// expect: 15 5 50 5 1
// expect: 20 2 0 3
// expect: 44 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a = 10, b = 10, c = 10, d = 10, e = 11, f = 10, g = 10, h = 10, i = 1;
    UCHAR small = 200;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    a += 5; b -= 5; c *= 5; d /= 2; e %= 2; f <<= 1; g >>= 2; h &= 5; i |= 2;
    DbgPrint("%d %d %d %d %d\n", a, b, c, d, e);
    DbgPrint("%d %d %d %d\n", f, g, h, i);
    small += 100;
    small ^= small;
    DbgPrint("%d %d\n", (UCHAR)(200 + 100), small);
    return STATUS_SUCCESS;
}
