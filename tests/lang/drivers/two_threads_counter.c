// Two application threads read at the same time; a counter in the driver's globals is
// updated under a fast mutex, and with InterlockedIncrement.
// scenario threads: 2
// scenario unload: end
// scenario ops: create read read close
// expect: reads 4 interlocked 4
// expect event thread_switch
#include <fltKernel.h>

PFLT_FILTER gFilter;
FAST_MUTEX gMutex;
ULONG gReads;
volatile LONG gInterlocked;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    ExAcquireFastMutex(&gMutex);
    gReads = gReads + 1;
    ExReleaseFastMutex(&gMutex);
    InterlockedIncrement(&gInterlocked);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

NTSTATUS Setup(PCFLT_RELATED_OBJECTS FltObjects, FLT_INSTANCE_SETUP_FLAGS Flags, DEVICE_TYPE Type, FLT_FILESYSTEM_TYPE Fs)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Flags); UNREFERENCED_PARAMETER(Type); UNREFERENCED_PARAMETER(Fs);
    return STATUS_SUCCESS;
}

VOID TeardownComplete(PCFLT_RELATED_OBJECTS FltObjects, FLT_INSTANCE_TEARDOWN_FLAGS Reason)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Reason);
}

NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    DbgPrint("reads %u interlocked %d\n", gReads, gInterlocked);
    FltUnregisterFilter(gFilter);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload, Setup, NULL, NULL, TeardownComplete
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    ExInitializeFastMutex(&gMutex);
    status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
