// Globals live in the driver's image; a static local keeps its value between calls.
// expect: 1 2 3 42
#include <fltKernel.h>

int Initialised = 42;
int Zeroed;

int Next(void)
{
    static int counter;
    return ++counter;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a, b, c;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    a = Next(); b = Next(); c = Next();
    DbgPrint("%d %d %d %d\n", a, b, c + Zeroed, Initialised);
    return STATUS_SUCCESS;
}
