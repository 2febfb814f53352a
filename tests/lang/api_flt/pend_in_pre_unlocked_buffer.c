// The classic mistake: pending a read without locking its user buffer. The file system then
// runs in the worker thread, where the application's buffer is not mapped, and the read fails
// with STATUS_INVALID_USER_BUFFER.
// expect: pending
// expect: worker resumes the read
// expect thread Worker (delayed) 1 at line 16
// expect status read 0xC00000E8
// expect exception STATUS_ACCESS_VIOLATION kernel
// expect event op_pended
#include <fltKernel.h>

PFLT_FILTER Filter;

VOID Worker(PFLT_DEFERRED_IO_WORKITEM WorkItem, PFLT_CALLBACK_DATA Data, PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    DbgPrint("worker resumes the read\n");
    FltFreeDeferredIoWorkItem(WorkItem);
    FltCompletePendedPreOperation(Data, FLT_PREOP_SUCCESS_NO_CALLBACK, NULL);
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PFLT_DEFERRED_IO_WORKITEM item;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    item = FltAllocateDeferredIoWorkItem();
    if (!item) return FLT_PREOP_SUCCESS_NO_CALLBACK;
    if (!NT_SUCCESS(FltQueueDeferredIoWorkItem(item, Data, Worker, DelayedWorkQueue, NULL))) {
        FltFreeDeferredIoWorkItem(item);
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    DbgPrint("pending\n");
    return FLT_PREOP_PENDING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };

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
