// A function declared with a function typedef (DRIVER_INITIALIZE DriverEntry;) as drivers do.
// expect: entry
#include <fltKernel.h>

DRIVER_INITIALIZE DriverEntry;
typedef VOID MY_ROUTINE(int);
MY_ROUTINE Helper;

VOID Helper(int x) { UNREFERENCED_PARAMETER(x); DbgPrint("entry\n"); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Helper(1);
    return STATUS_SUCCESS;
}
