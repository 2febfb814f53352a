// DriverEntry registers and starts; the unload callback unregisters; Flt* events in the trace.
// scenario unload: end
// expect: unloading 0
// expect event filter_registered
// expect event filter_started
// expect event api_call FltUnregisterFilter
#include <fltKernel.h>

PFLT_FILTER Filter;

NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    DbgPrint("unloading %u\n", Flags);
    FltUnregisterFilter(Filter);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_OPERATION_END } };

CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(Filter);
        if (!NT_SUCCESS(status)) FltUnregisterFilter(Filter);
    }
    return status;
}
