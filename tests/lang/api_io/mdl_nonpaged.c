// An MDL for a nonpaged buffer: IoAllocateMdl, MmBuildMdlForNonPagedPool,
// MmGetSystemAddressForMdlSafe (the buffer itself), IoFreeMdl.
// expect: mdl 16 bytes, system address is the buffer: 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PVOID buffer = ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'ldMT');
    PMDL mdl;
    PVOID system;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!buffer) return STATUS_INSUFFICIENT_RESOURCES;
    mdl = IoAllocateMdl(buffer, 16, FALSE, FALSE, NULL);
    if (!mdl) return STATUS_INSUFFICIENT_RESOURCES;
    MmBuildMdlForNonPagedPool(mdl);
    system = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
    DbgPrint("mdl %u bytes, system address is the buffer: %d\n", mdl->ByteCount, system == buffer);
    IoFreeMdl(mdl);
    ExFreePoolWithTag(buffer, 'ldMT');
    return STATUS_SUCCESS;
}
