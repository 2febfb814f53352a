// A pre-read waits for an event that a work item sets: the application's thread is suspended
// inside the callback and resumes there.
// expect: pre waits
// expect: worker signals
// expect: pre resumes in app
// expect thread app at line 27
#include <fltKernel.h>

PFLT_FILTER Filter;
KEVENT Signal;
WORK_QUEUE_ITEM Item;

VOID Work(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    DbgPrint("worker signals\n");
    KeSetEvent(&Signal, IO_NO_INCREMENT, FALSE);
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    KeInitializeEvent(&Signal, NotificationEvent, FALSE);
    ExInitializeWorkItem(&Item, Work, NULL);
    ExQueueWorkItem(&Item, CriticalWorkQueue);
    DbgPrint("pre waits\n");
    KeWaitForSingleObject(&Signal, Executive, KernelMode, FALSE, NULL);
    DbgPrint("pre resumes in app\n");
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
