// An array without a size takes it from its initialiser (also a string).
// expect: 3 6 12
#include <fltKernel.h>

int Three[] = { 1, 2, 3 };
CHAR Text[] = "hello";
WCHAR Wide[] = L"hello";

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d\n", (int)RTL_NUMBER_OF(Three), (int)sizeof(Text), (int)sizeof(Wide));
    return STATUS_SUCCESS;
}
