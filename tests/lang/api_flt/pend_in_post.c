// A post-read returns FLT_POSTOP_MORE_PROCESSING_REQUIRED and a work item finishes it with
// FltCompletePendedPostOperation; the application's read completes after that.
// expect: post pends
// expect: worker completes the post
// expect status read STATUS_SUCCESS
#include <fltKernel.h>

PFLT_FILTER Filter;

VOID Worker(PFLT_DEFERRED_IO_WORKITEM WorkItem, PFLT_CALLBACK_DATA Data, PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    DbgPrint("worker completes the post\n");
    FltFreeDeferredIoWorkItem(WorkItem);
    FltCompletePendedPostOperation(Data);
}

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    PFLT_DEFERRED_IO_WORKITEM item = FltAllocateDeferredIoWorkItem();
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    if (!item || FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) {
        if (item) FltFreeDeferredIoWorkItem(item);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    if (!NT_SUCCESS(FltQueueDeferredIoWorkItem(item, Data, Worker, DelayedWorkQueue, NULL))) {
        FltFreeDeferredIoWorkItem(item);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    DbgPrint("post pends\n");
    return FLT_POSTOP_MORE_PROCESSING_REQUIRED;
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
