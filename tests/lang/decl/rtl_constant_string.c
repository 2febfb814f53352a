// RTL_CONSTANT_STRING and DECLARE_CONST_UNICODE_STRING initialise UNICODE_STRINGs at compile time.
// expect: 10 12 denied.txt
// expect: 6 8 abc
#include <fltKernel.h>

UNICODE_STRING Blocked = RTL_CONSTANT_STRING(L"denied.txt");
DECLARE_CONST_UNICODE_STRING(Short, L"abc");

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %wZ\n", Blocked.Length / 2, Blocked.MaximumLength - 10, &Blocked);
    DbgPrint("%d %d %wZ\n", Short.Length, Short.MaximumLength, &Short);
    return STATUS_SUCCESS;
}
