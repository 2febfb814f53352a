// The conditional operator, nested, with a pointer and NULL.
// expect: big small 3
// expect: null
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = 10;
    PVOID p = NULL;
    PCSTR which = x > 5 ? "big" : "small";
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%s %s %d\n", which, x < 5 ? "big" : "small", x > 20 ? 1 : x > 5 ? 3 : 2);
    DbgPrint("%s\n", p ? "set" : "null");
    return STATUS_SUCCESS;
}
