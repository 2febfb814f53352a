// Functions between #pragma code_seg("PAGE") and #pragma code_seg() are pageable, the others
// not: a nonpaged helper is fine at DISPATCH_LEVEL.
// scenario completion: pending
// scenario pressure: on
// expect: nonpaged helper at 2
#include <fltKernel.h>

PFLT_FILTER Filter;

#pragma code_seg("PAGE")
VOID Paged(VOID) { PAGED_CODE(); }
#pragma code_seg()

VOID NonPaged(VOID) { DbgPrint("nonpaged helper at %d\n", KeGetCurrentIrql()); }

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                    FLT_POST_OPERATION_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context); UNREFERENCED_PARAMETER(Flags);
    NonPaged();
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
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
