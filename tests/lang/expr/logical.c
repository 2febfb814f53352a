// && and || short-circuit: the right side runs only when needed.
// expect: left
// expect: left
// expect: right
// expect: 0 1 1
#include <fltKernel.h>

int Side(const char *Name, int Value)
{
    DbgPrint("%s\n", Name);
    return Value;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int r1, r2, r3;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    r1 = Side("left", 0) && Side("never", 1);
    r2 = Side("left", 0) || Side("right", 1);
    r3 = 1 || Side("never", 0);
    DbgPrint("%d %d %d\n", r1, r2, r3);
    return STATUS_SUCCESS;
}
