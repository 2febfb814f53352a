// PAGED_CODE() at DISPATCH_LEVEL: a checked build prints "EX: Pageable code called at IRQL 2"
// and the assertion fails (STATUS_ASSERTION_FAILURE, unhandled in DriverEntry: 0x7E).
// expect: EX: Pageable code called at IRQL 2
// expect bugcheck 0x7E 0xC0000420
#include <fltKernel.h>

VOID Helper(VOID)
{
    PAGED_CODE();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    Helper();
    KeLowerIrql(old);
    return STATUS_SUCCESS;
}
