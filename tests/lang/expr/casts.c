// Casts truncate and sign- or zero-extend as on x64.
// expect: -1 255 65535 -128 1
// expect: 4294967295 18446744073709551615 12345678
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int m = -1;
    LONGLONG big = 0x1234567812345678;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d\n", (CHAR)0xFF, (UCHAR)m, (USHORT)m, (CHAR)0x80, (BOOLEAN)256 == 0);
    DbgPrint("%u %llu %x\n", (ULONG)m, (ULONGLONG)m, (ULONG)big);
    return STATUS_SUCCESS;
}
