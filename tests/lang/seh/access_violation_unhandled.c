// Without a handler, an access violation in a callback of an application thread is bug check
// 0x1E KMODE_EXCEPTION_NOT_HANDLED with P1 = 0xC0000005.
// expect bugcheck 0x1E 0xC0000005
// expect exception STATUS_ACCESS_VIOLATION no
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PULONG p = (PULONG)0x1000;
    UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    *p = 5;
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(Filter);
    return status;
}
