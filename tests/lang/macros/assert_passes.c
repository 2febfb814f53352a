// ASSERT, NT_ASSERT and FLT_ASSERT with true conditions do nothing.
// expect: asserts passed
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(RegistryPath);
    ASSERT(DriverObject != NULL);
    NT_ASSERT(KeGetCurrentIrql() == PASSIVE_LEVEL);
    FLT_ASSERT(sizeof(ULONG) == 4);
    NT_ASSERTMSG("irql", KeGetCurrentIrql() <= APC_LEVEL);
    DbgPrint("asserts passed\n");
    return STATUS_SUCCESS;
}
