// Empty statements, nested blocks and shadowing locals.
// expect: 1 2 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = 1, inner;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ;
    {
        int x = 2;
        { ; }
        inner = x;
    }
    DbgPrint("%d %d %d\n", x, inner, x);
    return STATUS_SUCCESS;
}
