// KeQuerySystemTime: the playground's clock starts at 2024-01-01 00:00 UTC (in 100 ns units
// since 1601) and advances one millisecond per trace event, so later is larger.
// expect: between
// expect: 2024 yes
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LARGE_INTEGER a, b;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    KeQuerySystemTime(&a);
    DbgPrint("between\n");
    KeQuerySystemTime(&b);
    DbgPrint("%s %s\n", a.QuadPart >= 133485408000000000LL && a.QuadPart < 133800000000000000LL ? "2024" : "other",
             b.QuadPart > a.QuadPart ? "yes" : "no");
    return STATUS_SUCCESS;
}
