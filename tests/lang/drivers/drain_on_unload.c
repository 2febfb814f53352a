// Unloading while a read is in flight: the Filter Manager drains the instance, calling the
// post-read with FLTFL_POST_OPERATION_DRAINING (the filter must only clean up then).
// scenario completion: pending
// scenario unload: during-read
// expect: unload
// expect: draining post-read, freeing the context
// expect event drain
#include <fltKernel.h>

PFLT_FILTER gFilter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects);
    *CompletionContext = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'nirD');
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects);
    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) DbgPrint("draining post-read, freeing the context\n");
    else DbgPrint("normal post-read\n");
    if (CompletionContext) ExFreePoolWithTag(CompletionContext, 'nirD');
    return FLT_POSTOP_FINISHED_PROCESSING;
}

NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    DbgPrint("unload\n");
    FltUnregisterFilter(gFilter);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
