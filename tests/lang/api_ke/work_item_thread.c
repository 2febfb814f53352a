// An executive work item runs its routine in a system worker thread at PASSIVE_LEVEL.
// expect: work at 0 with 7
// expect thread Worker (critical) 1 at line 11
#include <fltKernel.h>

WORK_QUEUE_ITEM Item;
ULONG Value = 7;

VOID Work(PVOID Context)
{
    DbgPrint("work at %d with %u\n", KeGetCurrentIrql(), *(PULONG)Context);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ExInitializeWorkItem(&Item, Work, &Value);
    ExQueueWorkItem(&Item, CriticalWorkQueue);
    return STATUS_SUCCESS;
}
