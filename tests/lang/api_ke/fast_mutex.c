// A fast mutex raises to APC_LEVEL while held.
// expect: held at 1
// expect: released at 0
#include <fltKernel.h>

FAST_MUTEX Mutex;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ExInitializeFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    DbgPrint("held at %d\n", KeGetCurrentIrql());
    ExReleaseFastMutex(&Mutex);
    DbgPrint("released at %d\n", KeGetCurrentIrql());
    return STATUS_SUCCESS;
}
