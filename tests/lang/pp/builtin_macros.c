// __LINE__, __FILE__ and __FUNCTION__.
// expect: line 10 in builtin_macros.c DriverEntry
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);

    DbgPrint("line %d in %s %s\n", __LINE__, __FILE__, __FUNCTION__);
    return STATUS_SUCCESS;
}
