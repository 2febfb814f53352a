// The callback data, its parameter block and the related objects are structures in simulated
// memory at the WDK's offsets: reads of Data->Iopb->Parameters.Read.Length and friends.
// expect: major 3 length 5 offset 0 irp 1 file set
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    UNREFERENCED_PARAMETER(Context);
    DbgPrint("major %d length %u offset %lld irp %d file %s\n", iopb->MajorFunction, iopb->Parameters.Read.Length,
             iopb->Parameters.Read.ByteOffset.QuadPart, FLT_IS_IRP_OPERATION(Data) != 0,
             FltObjects->FileObject == iopb->TargetFileObject ? "set" : "differs");
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
