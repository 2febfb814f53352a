// RtlCopyMemory, RtlZeroMemory, RtlFillMemory, RtlMoveMemory (overlapping), RtlEqualMemory,
// RtlCompareMemory (the number of equal bytes).
// expect: abcdef 0 xxx aabcde 1 0 3
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    CHAR a[8] = "abcdef", b[8], z[4], f[4] = { 0 }, m[8] = "abcdef";
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlCopyMemory(b, a, sizeof(a));
    RtlZeroMemory(z, sizeof(z));
    RtlFillMemory(f, 3, 'x');
    RtlMoveMemory(m + 1, m, 5);
    DbgPrint("%s %d %s %s %d %d %d\n", b, z[0] + z[3], f, m, RtlEqualMemory(a, b, 6), RtlEqualMemory(a, m, 6),
             (int)RtlCompareMemory(a, "abcXYZ", 6));
    return STATUS_SUCCESS;
}
