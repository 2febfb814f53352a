// KeRaiseIrql / KeLowerIrql change the IRQL the next statements run at.
// expect: 0 2 0
// expect irql DISPATCH_LEVEL at line 14
// expect event irql_change KeRaiseIrql
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KIRQL old, at;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    at = KeGetCurrentIrql();
    KeLowerIrql(old);
    DbgPrint("%d %d %d\n", old, at, KeGetCurrentIrql());
    return STATUS_SUCCESS;
}
