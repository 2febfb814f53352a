// Global pointers initialised with addresses of other globals, of array elements and strings.
// expect: 30 hello 2
#include <fltKernel.h>

int Array[4] = { 10, 20, 30, 40 };
int *Third = &Array[2];
PCSTR Greeting = "hello";
int *End = Array + 4;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %s %d\n", *Third, Greeting, (int)(End - Third));
    return STATUS_SUCCESS;
}
