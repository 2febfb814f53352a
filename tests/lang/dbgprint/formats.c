// The conversions drivers use.
// expect: [  42] [42  ] [00042] [+42] [-42]
// expect: ff FF 0xff 777 a %
// expect: 4294967295 -1 18446744073709551615 ffffffffffffffff
// expect: 00000000DEADBEEF
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("[%4d] [%-4d] [%05d] [%+d] [%d]\n", 42, 42, 42, 42, -42);
    DbgPrint("%x %X %#x %o %c %%\n", 255, 255, 255, 511, 'a');
    DbgPrint("%u %ld %llu %I64x\n", -1, 0xFFFFFFFF, -1ll, -1ll);
    DbgPrint("%p\n", (PVOID)0xDEADBEEF);
    return STATUS_SUCCESS;
}
