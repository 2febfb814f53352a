// FltReferenceFileNameInformation adds a reference: the name information is released twice,
// once per reference, and the second release frees it.
// expect: still valid after one release: a.txt
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreCreate(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PFLT_FILE_NAME_INFORMATION info;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    if (!NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT, &info)))
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    FltReferenceFileNameInformation(info);
    FltReleaseFileNameInformation(info);
    if (NT_SUCCESS(FltParseFileNameInformation(info))) DbgPrint("still valid after one release: %wZ\n", &info->FinalComponent);
    FltReleaseFileNameInformation(info);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_CREATE, 0, PreCreate, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
