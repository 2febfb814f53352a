// Two threads read at once and each pre-read runs a loop long enough to use up its time
// slice: the scheduler switches threads in the middle of the loop (at a folded statement), and
// both loops still finish with the right sums.
// scenario events: off
// scenario threads: 2
// scenario unload: end
// scenario ops: create read close
// expect: sums 2 total 39800
// expect event thread_switch its quantum ended
#include <fltKernel.h>

PFLT_FILTER gFilter;
volatile LONG gSums;
volatile LONG gTotal;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    LONG sum = 0;
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    for (LONG i = 0; i < 200; i++) {
        sum += i;
    }
    InterlockedIncrement(&gSums);
    InterlockedExchangeAdd(&gTotal, sum);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    DbgPrint("sums %d total %d\n", gSums, gTotal);
    FltUnregisterFilter(gFilter);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
