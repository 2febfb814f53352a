// if / else if / else chains; a dangling else binds to the nearest if.
// expect: two
// expect: inner-else
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = 2;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (x == 1) DbgPrint("one\n");
    else if (x == 2) DbgPrint("two\n");
    else DbgPrint("other\n");
    if (x > 0)
        if (x > 5) DbgPrint("inner\n");
        else DbgPrint("inner-else\n");
    return STATUS_SUCCESS;
}
