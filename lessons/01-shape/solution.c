// Lesson 1, the solution: OpenLog, a minifilter that sees only opens. DriverEntry registers
// the filter and starts filtering; the operation table names one pre-operation callback, for
// IRP_MJ_CREATE, which logs the name being opened and asks for no post-operation callback.
#include <fltKernel.h>

PFLT_FILTER gFilterHandle;

DRIVER_INITIALIZE DriverEntry;
NTSTATUS OpenLogUnload(FLT_FILTER_UNLOAD_FLAGS Flags);
FLT_PREOP_CALLBACK_STATUS OpenLogPreCreate(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                           PVOID *CompletionContext);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, OpenLogUnload)
#pragma alloc_text(PAGE, OpenLogPreCreate)
#endif

//
// The operations this filter wants to see: creates, and nothing else.
//
CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_CREATE, 0, OpenLogPreCreate, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION),   // Size
    FLT_REGISTRATION_VERSION,   // Version
    0,                          // Flags
    NULL,                       // Context registration
    Callbacks,                  // Operation callbacks
    OpenLogUnload,              // FilterUnload
};

FLT_PREOP_CALLBACK_STATUS
OpenLogPreCreate(_Inout_ PFLT_CALLBACK_DATA Data, _In_ PCFLT_RELATED_OBJECTS FltObjects,
                 _Flt_CompletionContext_Outptr_ PVOID *CompletionContext)
{
    UNREFERENCED_PARAMETER(Data);
    UNREFERENCED_PARAMETER(CompletionContext);
    PAGED_CODE();

    DbgPrint("OpenLog: open %wZ\n", &FltObjects->FileObject->FileName);

    //
    // Nothing to do when the open completes: no post-operation callback.
    //
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

NTSTATUS
OpenLogUnload(_In_ FLT_FILTER_UNLOAD_FLAGS Flags)
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
