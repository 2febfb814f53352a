// The usual logging helper: a format and '...' handed to vDbgPrintEx.
// expect: [flt] create of 5 bytes, status 0x0
// expect: [flt] no values
#include <fltKernel.h>

VOID Log(ULONG Level, PCSTR Format, ...)
{
    va_list args;
    va_start(args, Format);
    vDbgPrintEx(DPFLTR_IHVDRIVER_ID, Level, Format, args);
    va_end(args);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Log(DPFLTR_ERROR_LEVEL, "[flt] %s of %lu bytes, status 0x%x\n", "create", 5UL, STATUS_SUCCESS);
    Log(DPFLTR_INFO_LEVEL, "[flt] no values\n");
    return STATUS_SUCCESS;
}
