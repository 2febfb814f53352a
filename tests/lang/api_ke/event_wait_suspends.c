// KeWaitForSingleObject suspends DriverEntry until a work item sets the event: the callback
// resumes in its own thread at the statement after the wait, with the wait's status.
// expect: queued, waiting
// expect: worker sets the event
// expect: woke with 0, state 1
// expect event wait KeWaitForSingleObject
#include <fltKernel.h>

KEVENT Done;
WORK_QUEUE_ITEM Item;

VOID Work(PVOID Context)
{
    UNREFERENCED_PARAMETER(Context);
    DbgPrint("worker sets the event\n");
    KeSetEvent(&Done, IO_NO_INCREMENT, FALSE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeEvent(&Done, NotificationEvent, FALSE);
    ExInitializeWorkItem(&Item, Work, NULL);
    ExQueueWorkItem(&Item, DelayedWorkQueue);
    DbgPrint("queued, waiting\n");
    status = KeWaitForSingleObject(&Done, Executive, KernelMode, FALSE, NULL);
    DbgPrint("woke with %x, state %d\n", status, KeReadStateEvent(&Done));
    return STATUS_SUCCESS;
}
