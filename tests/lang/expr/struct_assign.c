// Structures are assigned and passed around by copying their bytes.
// expect: 16 32 hello
#include <fltKernel.h>

UNICODE_STRING Global;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING a, b;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlInitUnicodeString(&a, L"hello, world");
    a.Length = 10;
    a.MaximumLength = 32;
    b = a;
    Global = b;
    b.Length = 16;
    DbgPrint("%d %d %wZ\n", b.Length, Global.MaximumLength, &Global);
    return STATUS_SUCCESS;
}
