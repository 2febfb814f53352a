// Unsigned arithmetic wraps at the width of the type; ULONG is 32 bits (LLP64).
// expect: 4294967295 0 1
// expect: 65535 0 255 0
// expect: 18446744073709551615 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG u = 0;
    USHORT s = 0xFFFF;
    UCHAR c = 255;
    ULONGLONG q = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    u--;
    DbgPrint("%u %u %u\n", u, u + 1, u / 0xFFFFFFFF);
    DbgPrint("%u %u %u %u\n", s, (USHORT)(s + 1), c, (UCHAR)(c + 1));
    q--;
    DbgPrint("%llu %llu\n", q, q + 1);
    return STATUS_SUCCESS;
}
