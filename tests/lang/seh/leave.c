// __leave jumps to the end of the __try block: the __finally runs as a normal termination.
// expect: finally 0
// expect: status c000009a
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status = STATUS_SUCCESS;
    PVOID buffer = NULL;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        status = STATUS_INSUFFICIENT_RESOURCES;
        if (buffer == NULL) __leave;
        status = STATUS_SUCCESS;
    } __finally {
        DbgPrint("finally %d\n", AbnormalTermination());
    }
    DbgPrint("status %x\n", status);
    return STATUS_SUCCESS;
}
