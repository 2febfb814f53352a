// Changing the parameters in a pre-op and saying so with FltSetCallbackDataDirty; the read
// then reads fewer bytes. FltIsCallbackDataDirty and FltClearCallbackDataDirty.
// scenario length: 10
// expect: dirty 1 clear 0 again 1
// expect event fs_result "information":"0x3"
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    BOOLEAN dirty, clear;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    Data->Iopb->Parameters.Read.Length = 3;
    FltSetCallbackDataDirty(Data);
    dirty = FltIsCallbackDataDirty(Data);
    FltClearCallbackDataDirty(Data);
    clear = FltIsCallbackDataDirty(Data);
    FltSetCallbackDataDirty(Data);
    DbgPrint("dirty %d clear %d again %d\n", dirty, clear, FltIsCallbackDataDirty(Data));
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };

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
