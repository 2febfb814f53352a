// RtlCopyUnicodeString copies up to the destination's MaximumLength and terminates when there
// is room.
// expect: 10 hello
// expect: 6 hel
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WCHAR big[16], small[3];
    UNICODE_STRING src, d1, d2;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlInitUnicodeString(&src, L"hello");
    d1.Buffer = big; d1.Length = 0; d1.MaximumLength = sizeof(big);
    d2.Buffer = small; d2.Length = 0; d2.MaximumLength = sizeof(small);
    RtlCopyUnicodeString(&d1, &src);
    RtlCopyUnicodeString(&d2, &src);
    DbgPrint("%d %ws\n", d1.Length, big);
    DbgPrint("%d %wZ\n", d2.Length, &d2);
    return STATUS_SUCCESS;
}
