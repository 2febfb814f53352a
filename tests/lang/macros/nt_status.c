// NT_SUCCESS, NT_ERROR, NT_WARNING, NT_INFORMATION on the four severities.
// expect: 1 1 0 0
// expect: 0 0 0 1
// expect: 1 0 1 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS ok = STATUS_SUCCESS, denied = STATUS_ACCESS_DENIED, more = STATUS_BUFFER_OVERFLOW;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", NT_SUCCESS(ok), NT_SUCCESS(STATUS_PENDING), NT_ERROR(ok), NT_WARNING(ok));
    DbgPrint("%d %d %d %d\n", NT_SUCCESS(denied), NT_WARNING(denied), NT_INFORMATION(denied), NT_ERROR(denied));
    DbgPrint("%d %d %d %d\n", NT_WARNING(more), NT_SUCCESS(more), NT_ERROR(more) == 0, NT_INFORMATION(more));
    return STATUS_SUCCESS;
}
