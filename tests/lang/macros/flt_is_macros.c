// FLT_IS_IRP_OPERATION, FLT_IS_FASTIO_OPERATION, FLT_IS_FS_FILTER_OPERATION,
// FLT_IS_SYSTEM_BUFFER, FLT_IS_REISSUED_IO on a fast I/O read refused and retried as an IRP.
// scenario io: fast
// expect: fastio 1 irp 0 fsfilter 0
// expect: fastio 0 irp 1 fsfilter 0
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    DbgPrint("fastio %d irp %d fsfilter %d\n", FLT_IS_FASTIO_OPERATION(Data) != 0, FLT_IS_IRP_OPERATION(Data) != 0,
             FLT_IS_FS_FILTER_OPERATION(Data) != 0);
    if (FLT_IS_REISSUED_IO(Data) || FLT_IS_SYSTEM_BUFFER(Data)) DbgPrint("unexpected\n");
    return FLT_IS_FASTIO_OPERATION(Data) ? FLT_PREOP_DISALLOW_FASTIO : FLT_PREOP_SUCCESS_NO_CALLBACK;
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
