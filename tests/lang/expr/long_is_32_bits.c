// LLP64: long and ULONG are 32 bits, pointers and long long 64; sizeof gives what MSVC gives.
// expect: 4 4 8 8 2 1 8
// expect: -2147483648 2147483647
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LONG l = 0x7FFFFFFF;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d %d %d\n", (int)sizeof(long), (int)sizeof(ULONG), (int)sizeof(PVOID),
             (int)sizeof(LONGLONG), (int)sizeof(WCHAR), (int)sizeof(BOOLEAN), (int)sizeof(SIZE_T));
    l = l + 1;
    DbgPrint("%d %d\n", l, l - 1);
    return STATUS_SUCCESS;
}
