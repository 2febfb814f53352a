// vDbgPrintEx with a NULL va_list: the kernel's printf reads the first value at address 0,
// an access violation nothing handles in this system thread: bug check 0x7E.
// expect bugcheck 0x7E
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    vDbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "no list: %d\n", NULL);
    return STATUS_SUCCESS;
}
