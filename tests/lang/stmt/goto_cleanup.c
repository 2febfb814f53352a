// goto to a cleanup label, the usual error path of drivers.
// expect: failed at step 2
// expect: cleanup
#include <fltKernel.h>

NTSTATUS Work(void)
{
    NTSTATUS status = STATUS_SUCCESS;
    int step = 1;
    if (step == 1) step = 2;
    if (step == 2) {
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Cleanup;
    }
    DbgPrint("not reached\n");
Cleanup:
    if (!NT_SUCCESS(status)) DbgPrint("failed at step %d\n", step);
    DbgPrint("cleanup\n");
    return status;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return Work() == STATUS_INSUFFICIENT_RESOURCES ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
