// Unions share storage: LARGE_INTEGER's QuadPart and its LowPart/HighPart.
// expect: 12345678 1 100000000
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LARGE_INTEGER li;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    li.QuadPart = 0x112345678;
    ULONG low = li.LowPart;
    LONG high = li.HighPart;
    li.LowPart = 0;
    DbgPrint("%x %d %llx\n", low, high, li.QuadPart);
    return STATUS_SUCCESS;
}
