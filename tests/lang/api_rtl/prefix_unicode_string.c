// RtlPrefixUnicodeString: is the first string a prefix of the second?
// expect: 1 0 1 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING dir = RTL_CONSTANT_STRING(L"\\Windows\\");
    UNICODE_STRING file = RTL_CONSTANT_STRING(L"\\WINDOWS\\system32\\x.dll");
    UNICODE_STRING other = RTL_CONSTANT_STRING(L"\\Users\\x");
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", RtlPrefixUnicodeString(&dir, &file, TRUE), RtlPrefixUnicodeString(&dir, &file, FALSE),
             RtlPrefixUnicodeString(&dir, &dir, FALSE), RtlPrefixUnicodeString(&file, &dir, TRUE));
    return STATUS_SUCCESS;
}
