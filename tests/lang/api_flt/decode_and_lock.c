// FltDecodeParameters finds the read's buffer, length and MDL; FltLockUserBuffer makes an MDL
// and MmGetSystemAddressForMdlSafe maps it; FltIsOperationSynchronous.
// expect: length 5 access 1 sync 1
// expect: locked 0 mapped 1
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PMDL *mdl;
    PVOID *buffer;
    PULONG length;
    LOCK_OPERATION access;
    NTSTATUS status;
    PVOID system;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    status = FltDecodeParameters(Data, &mdl, &buffer, &length, &access);
    if (NT_SUCCESS(status)) DbgPrint("length %u access %d sync %d\n", *length, access, FltIsOperationSynchronous(Data));
    status = FltLockUserBuffer(Data);
    system = NT_SUCCESS(status) ? MmGetSystemAddressForMdlSafe(Data->Iopb->Parameters.Read.MdlAddress, NormalPagePriority | MdlMappingNoExecute) : NULL;
    DbgPrint("locked %x mapped %d\n", status, system != NULL);
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
