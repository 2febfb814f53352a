// RtlInitUnicodeString, RtlEqualUnicodeString (case-insensitive), RtlCompareUnicodeString.
// expect: 10 12 equal 1 1 compare -1 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING a, b, c;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlInitUnicodeString(&a, L"a.txt");
    RtlInitUnicodeString(&b, L"A.TXT");
    RtlInitUnicodeString(&c, L"b.txt");
    DbgPrint("%d %d equal %d %d compare %d %d\n", a.Length, a.MaximumLength, RtlEqualUnicodeString(&a, &b, TRUE),
             !RtlEqualUnicodeString(&a, &b, FALSE), RtlCompareUnicodeString(&a, &c, TRUE) < 0 ? -1 : 1,
             RtlCompareUnicodeString(&a, &b, TRUE));
    return STATUS_SUCCESS;
}
