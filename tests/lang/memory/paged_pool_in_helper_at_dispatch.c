// The same fault in a helper the post-operation callback calls: the bug check's fourth
// parameter, the address that referenced the memory, is in the helper (its image block,
// 0xfffff80600001000: the first function of the file), not in PostRead. The text below ends
// with the bracket that closes the parameters: it is the last one, P4.
// scenario completion: pending
// scenario pressure: on
// expect bugcheck 0xD1
// expect event bugcheck "0xfffff80600001000"]
// expect irql DISPATCH_LEVEL at line 17
#include <fltKernel.h>

PFLT_FILTER Filter;
PULONG Counter;

static VOID CountOne(VOID)
{
    (*Counter)++;
}

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context); UNREFERENCED_PARAMETER(Flags);
    CountOne();
    return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    Counter = ExAllocatePoolWithTag(PagedPool, sizeof(ULONG), 'tnCT');
    if (!Counter) return STATUS_INSUFFICIENT_RESOURCES;
    *Counter = 0;
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
