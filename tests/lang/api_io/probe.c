// ProbeForRead and ProbeForWrite accept a valid user range and raise on a kernel address.
// expect: user buffer probed
// expect: kernel address refused c0000005
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PVOID user = Data->Iopb->Parameters.Read.ReadBuffer;
    ULONG length = Data->Iopb->Parameters.Read.Length;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    __try {
        ProbeForWrite(user, length, 1);
        ProbeForRead(user, length, 1);
        DbgPrint("user buffer probed\n");
        ProbeForRead((PVOID)Data, 8, 1);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("kernel address refused %x\n", GetExceptionCode());
    }
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
