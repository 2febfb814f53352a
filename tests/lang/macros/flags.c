// FlagOn, SetFlag, ClearFlag and BooleanFlagOn on a ULONG of flags.
// expect: 4 1 0 15 11
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG flags = 0x5;
    BOOLEAN on, off;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    on = BooleanFlagOn(flags, 0x4);
    off = BooleanFlagOn(flags, 0x2);
    ULONG was = FlagOn(flags, 0x4);
    SetFlag(flags, 0xA);
    ClearFlag(flags, 0x4);
    DbgPrint("%u %d %d %u %u\n", was, on, off, flags | 4, flags);
    return STATUS_SUCCESS;
}
