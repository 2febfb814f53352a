// InstanceSetup and InstanceQueryTeardown callbacks with their WDK signatures.
// expect: setup on a disk file system 0
#include <fltKernel.h>

PFLT_FILTER Filter;

NTSTATUS Setup(PCFLT_RELATED_OBJECTS FltObjects, FLT_INSTANCE_SETUP_FLAGS Flags, DEVICE_TYPE VolumeDeviceType,
               FLT_FILESYSTEM_TYPE VolumeFilesystemType)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(VolumeFilesystemType);
    DbgPrint("setup on a %s %u\n", VolumeDeviceType == FILE_DEVICE_DISK_FILE_SYSTEM ? "disk file system" : "other",
             Flags & FLTFL_INSTANCE_SETUP_MANUAL_ATTACHMENT);
    return STATUS_SUCCESS;
}

NTSTATUS QueryTeardown(PCFLT_RELATED_OBJECTS FltObjects, FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Flags);
    return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_OPERATION_END } };

CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, NULL, Setup, QueryTeardown };

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
