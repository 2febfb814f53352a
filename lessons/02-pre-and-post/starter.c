// Lesson 2, the starter: ReadMeter, a minifilter that measures reads. The pre-read records
// what was asked for in a nonpaged READ_RECORD, hands it to the Filter Manager as the
// CompletionContext and returns FLT_PREOP_SUCCESS_WITH_CALLBACK, so that a post-read can
// print what the read delivered and free the record. That post-read is not written yet.
#include <fltKernel.h>

#define READ_RECORD_TAG 'rMdR'

typedef struct _READ_RECORD {
    ULONG Number;       // 1 for the first read this filter sees, 2 for the next, ...
    ULONG Requested;    // the length the application asked for
} READ_RECORD, *PREAD_RECORD;

PFLT_FILTER gFilterHandle;
LONG gReadCount;

DRIVER_INITIALIZE DriverEntry;
NTSTATUS ReadMeterUnload(FLT_FILTER_UNLOAD_FLAGS Flags);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ReadMeterUnload)
#endif

FLT_PREOP_CALLBACK_STATUS
ReadMeterPreRead(_Inout_ PFLT_CALLBACK_DATA Data, _In_ PCFLT_RELATED_OBJECTS FltObjects,
                 _Flt_CompletionContext_Outptr_ PVOID *CompletionContext)
{
    PREAD_RECORD record;

    UNREFERENCED_PARAMETER(FltObjects);

    //
    // The post-read may run at DISPATCH_LEVEL: what it touches must be nonpaged.
    //
    record = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(READ_RECORD), READ_RECORD_TAG);
    if (record == NULL) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    record->Number = (ULONG)InterlockedIncrement(&gReadCount);
    record->Requested = Data->Iopb->Parameters.Read.Length;

    *CompletionContext = record;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_READ, 0, ReadMeterPreRead, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION),   // Size
    FLT_REGISTRATION_VERSION,   // Version
    0,                          // Flags
    NULL,                       // Context registration
    Callbacks,                  // Operation callbacks
    ReadMeterUnload,            // FilterUnload
};

NTSTATUS
ReadMeterUnload(_In_ FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    PAGED_CODE();

    FltUnregisterFilter(gFilterHandle);
    return STATUS_SUCCESS;
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilterHandle);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(gFilterHandle);
        if (!NT_SUCCESS(status)) {
            FltUnregisterFilter(gFilterHandle);
        }
    }
    return status;
}
