// Lesson 4, the solution: Guard, a content screener at altitude 265000 that keeps secret.txt
// unchanged. Its pre-write looks up the file's name and, for secret.txt, completes the write
// itself: it sets the final status in Data->IoStatus and returns FLT_PREOP_COMPLETE, so the
// write goes no further down, and only the filters above get a post-write.
#include <fltKernel.h>

PFLT_FILTER gFilterHandle;
UNICODE_STRING gProtectedName = RTL_CONSTANT_STRING(L"secret.txt");

DRIVER_INITIALIZE DriverEntry;
NTSTATUS GuardUnload(FLT_FILTER_UNLOAD_FLAGS Flags);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, GuardUnload)
#endif

FLT_PREOP_CALLBACK_STATUS
GuardPreWrite(_Inout_ PFLT_CALLBACK_DATA Data, _In_ PCFLT_RELATED_OBJECTS FltObjects,
              _Flt_CompletionContext_Outptr_ PVOID *CompletionContext)
{
    PFLT_FILE_NAME_INFORMATION nameInfo = NULL;
    BOOLEAN isProtected = FALSE;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);

    status = FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                       &nameInfo);
    if (!NT_SUCCESS(status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    status = FltParseFileNameInformation(nameInfo);
    if (NT_SUCCESS(status)) {
        isProtected = RtlEqualUnicodeString(&nameInfo->FinalComponent, &gProtectedName, TRUE);
    }
    FltReleaseFileNameInformation(nameInfo);

    if (!isProtected) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    //
    // Complete the write here: the status the application gets, and no bytes written.
    //
    DbgPrint("Guard: denied a write to %wZ\n", &gProtectedName);
    Data->IoStatus.Status = STATUS_ACCESS_DENIED;
    Data->IoStatus.Information = 0;
    return FLT_PREOP_COMPLETE;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_WRITE, 0, GuardPreWrite, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION),   // Size
    FLT_REGISTRATION_VERSION,   // Version
    0,                          // Flags
    NULL,                       // Context registration
    Callbacks,                  // Operation callbacks
    GuardUnload,                // FilterUnload
};

NTSTATUS
GuardUnload(_In_ FLT_FILTER_UNLOAD_FLAGS Flags)
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
