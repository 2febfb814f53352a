// vDbgPrintExWithPrefix puts its prefix before the formatted text.
// expect: MyFilter: 3 files, 7 reads
#include <fltKernel.h>

VOID Trace(PCSTR Format, ...)
{
    va_list args;
    va_start(args, Format);
    vDbgPrintExWithPrefix("MyFilter: ", DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, Format, args);
    va_end(args);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Trace("%d files, %d reads\n", 3, 7);
    return STATUS_SUCCESS;
}
