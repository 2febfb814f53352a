// KdPrint((...)) is DbgPrint with the arguments in double parentheses (a checked build).
// expect: KdPrint 3
// expect: DbgPrintEx error level
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KdPrint(("KdPrint %d\n", 3));
    KdPrintEx((DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL, "DbgPrintEx error level\n"));
    return STATUS_SUCCESS;
}
