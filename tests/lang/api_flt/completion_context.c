// A pre-operation hands a context to its post-operation through *CompletionContext.
// expect: post got 1234
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    PULONG value = (PULONG)Context;
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Flags);
    DbgPrint("post got %u\n", *value);
    ExFreePoolWithTag(value, 'xtCT');
    return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext)
{
    PULONG value = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(ULONG), 'xtCT');
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects);
    if (!value) return FLT_PREOP_SUCCESS_NO_CALLBACK;
    *value = 1234;
    *CompletionContext = value;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };

CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(Filter);
        if (!NT_SUCCESS(status)) FltUnregisterFilter(Filter);
    }
    return status;
}
