// Shifts: arithmetic right shift of negative signed values, logical for unsigned, 64-bit shifts.
// expect: 16 -4 1073741820 4294967296 8
// expect: 80000000 ffffffff
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = 1, n = -16;
    unsigned int m = 0xFFFFFFF0;
    ULONGLONG one = 1;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %u %llu %d\n", x << 4, n >> 2, m >> 2, one << 32, 1 << 3);
    DbgPrint("%x %x\n", 1u << 31, (unsigned)(-1) >> 0);
    return STATUS_SUCCESS;
}
