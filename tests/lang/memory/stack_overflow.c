// Unbounded recursion with a large local buffer overflows the 24 KB kernel stack: bug check
// 0x7F UNEXPECTED_KERNEL_MODE_TRAP, P1 = 8 (a double fault), before any playground budget.
// expect bugcheck 0x7F 0x8
#include <fltKernel.h>

ULONG Deep(ULONG n)
{
    UCHAR buffer[512];
    buffer[0] = (UCHAR)n;
    return Deep(n + 1) + buffer[0];
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return Deep(0);
}
