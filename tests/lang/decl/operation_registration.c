// CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_..., 0, Pre, Post }, ... }: an
// array of structures with nested braces and function addresses, relocated at load.
// expect: 3 entries, 32 bytes each
// expect: read has pre and post
// expect: write has pre only
// expect event filter_registered operations":2
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS Pre(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS Post(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Flags);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_READ, 0, Pre, Post },
    { IRP_MJ_WRITE, 0, Pre, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d entries, %d bytes each\n", (int)RTL_NUMBER_OF(Callbacks), (int)sizeof(Callbacks[0]));
    if (Callbacks[0].PreOperation == Pre && Callbacks[0].PostOperation == Post) DbgPrint("read has pre and post\n");
    if (Callbacks[1].PreOperation != NULL && Callbacks[1].PostOperation == NULL) DbgPrint("write has pre only\n");
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
