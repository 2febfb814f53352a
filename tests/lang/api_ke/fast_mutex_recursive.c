// Fast mutexes are not recursive: acquiring one twice in the same thread hangs.
// expect end hang
#include <fltKernel.h>

FAST_MUTEX Mutex;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ExInitializeFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    ExAcquireFastMutex(&Mutex);
    return STATUS_SUCCESS;
}
