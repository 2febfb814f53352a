// Denies writes to files named secret.txt: the pre-write gets the file's name, compares its
// final component with the blocked name and completes the write with STATUS_ACCESS_DENIED.
// scenario file: \secret.txt
// scenario ops: create write close
// expect: blocked a write to \Device\HarddiskVolume1\secret.txt
// expect status write STATUS_ACCESS_DENIED
// expect status close STATUS_SUCCESS
#include <fltKernel.h>

PFLT_FILTER gFilter;
UNICODE_STRING gBlocked = RTL_CONSTANT_STRING(L"secret.txt");

FLT_PREOP_CALLBACK_STATUS
DenyPreWrite(_Inout_ PFLT_CALLBACK_DATA Data, _In_ PCFLT_RELATED_OBJECTS FltObjects,
             _Flt_CompletionContext_Outptr_ PVOID *CompletionContext)
{
    PFLT_FILE_NAME_INFORMATION nameInfo = NULL;
    NTSTATUS status;
    BOOLEAN block = FALSE;

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);

    status = FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT, &nameInfo);
    if (!NT_SUCCESS(status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    status = FltParseFileNameInformation(nameInfo);
    if (NT_SUCCESS(status) && RtlEqualUnicodeString(&nameInfo->FinalComponent, &gBlocked, TRUE)) {
        DbgPrint("blocked a write to %wZ\n", &nameInfo->Name);
        block = TRUE;
    }
    FltReleaseFileNameInformation(nameInfo);

    if (block) {
        Data->IoStatus.Status = STATUS_ACCESS_DENIED;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

NTSTATUS DenyUnload(FLT_FILTER_UNLOAD_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Flags);
    PAGED_CODE();
    FltUnregisterFilter(gFilter);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_WRITE, 0, DenyPreWrite, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION),
    FLT_REGISTRATION_VERSION,
    0,
    NULL,
    Callbacks,
    DenyUnload,
};

NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(gFilter);
        if (!NT_SUCCESS(status)) {
            FltUnregisterFilter(gFilter);
        }
    }
    return status;
}
