// sizeof of expressions and types does not evaluate its operand.
// expect: 4 8 16 20 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int calls = 0;
    ULONG arr[5];
    UNICODE_STRING us;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    UNREFERENCED_PARAMETER(arr);
    UNREFERENCED_PARAMETER(us);
    DbgPrint("%d %d %d %d %d\n", (int)sizeof calls++, (int)sizeof(PVOID), (int)sizeof us, (int)sizeof arr, calls);
    return STATUS_SUCCESS;
}
