// Allocate, use and free pool; uninitialised pool is not zero, ExAllocatePoolZero and
// ExAllocatePool2 are.
// expect: zero 0 0 tags ok
// expect event pool_alloc "tag":"Test"
// expect event pool_free
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PULONG a = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'tseT');
    PULONG b = ExAllocatePoolZero(PagedPool, 64, 'tseT');
    PULONG c = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'tseT');
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!a || !b || !c) return STATUS_INSUFFICIENT_RESOURCES;
    a[0] = 1;
    DbgPrint("zero %u %u tags %s\n", b[15], c[0], a[0] == 1 ? "ok" : "bad");
    ExFreePoolWithTag(a, 'tseT');
    ExFreePoolWithTag(b, 'tseT');
    ExFreePool(c);
    return STATUS_SUCCESS;
}
