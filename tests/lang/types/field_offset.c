// FIELD_OFFSET through nested members and union arms, as fltKernel.h lays them out.
// expect: 0x10 0x18 0x18 0x28 0x30 0x20
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("0x%x 0x%x 0x%x 0x%x 0x%x 0x%x\n", FIELD_OFFSET(FLT_CALLBACK_DATA, Iopb),
             FIELD_OFFSET(FLT_CALLBACK_DATA, IoStatus), FIELD_OFFSET(FLT_IO_PARAMETER_BLOCK, Parameters),
             FIELD_OFFSET(FLT_IO_PARAMETER_BLOCK, Parameters.Read.ByteOffset),
             FIELD_OFFSET(FLT_CALLBACK_DATA, QueueLinks), FIELD_OFFSET(FLT_RELATED_OBJECTS, FileObject));
    return STATUS_SUCCESS;
}
