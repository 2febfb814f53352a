// Bitwise operators on flags, as drivers test and set them.
// expect: 5 7 2 fffffffa
// expect: 1 0 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG flags = 0x5;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%u %u %u %x\n", flags & 0xF, flags | 2, flags ^ 7, ~flags);
    DbgPrint("%d %d %d\n", (flags & 4) != 0, (flags & 2) != 0, !!(flags & 1));
    return STATUS_SUCCESS;
}
