// Touching paged pool while holding a spin lock: with Verifier's force-IRQL-checking, the
// pageable memory is trimmed when the lock is taken, and the access is 0xD1.
// scenario verifier: on
// scenario irql-check: on
// expect bugcheck 0xD1
// expect event page_out
#include <fltKernel.h>

KSPIN_LOCK Lock;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    PULONG data = ExAllocatePoolWithTag(PagedPool, 16, 'gaPT');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!data) return STATUS_INSUFFICIENT_RESOURCES;
    KeInitializeSpinLock(&Lock);
    KeAcquireSpinLock(&Lock, &old);
    *data = 1;
    KeReleaseSpinLock(&Lock, old);
    return STATUS_SUCCESS;
}
