// FltDoCompletionProcessingWhenSafe at DISPATCH_LEVEL (pending completion, a DPC) posts the
// SafePostCallback to a worker thread, where it runs at PASSIVE_LEVEL.
// scenario completion: pending
// expect: post at 2
// expect: safe at 0
// expect irql PASSIVE_LEVEL at line 17
// expect status read STATUS_SUCCESS
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_POSTOP_CALLBACK_STATUS SafePost(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context); UNREFERENCED_PARAMETER(Flags);
    DbgPrint("safe at %d\n", KeGetCurrentIrql());
    return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    FLT_POSTOP_CALLBACK_STATUS status = FLT_POSTOP_FINISHED_PROCESSING;
    DbgPrint("post at %d\n", KeGetCurrentIrql());
    if (!FltDoCompletionProcessingWhenSafe(Data, FltObjects, Context, Flags, SafePost, &status))
        return FLT_POSTOP_FINISHED_PROCESSING;
    return status;
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };

CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

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
