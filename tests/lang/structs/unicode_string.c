// The WDK's own structures by value: a UNICODE_STRING passed and returned (the buffer is shared,
// the counted string is copied).
// expect: len 10 max 12 first h
// expect: prefix hel
#include <fltKernel.h>

UNICODE_STRING Prefix(UNICODE_STRING s, USHORT chars)
{
    s.Length = chars * sizeof(WCHAR);
    return s;
}

VOID Show(UNICODE_STRING s)
{
    DbgPrint("len %u max %u first %c\n", s.Length, s.MaximumLength, (char)s.Buffer[0]);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"hello");
    UNICODE_STRING p;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Show(name);
    p = Prefix(name, 3);
    DbgPrint("prefix %wZ\n", &p);
    return STATUS_SUCCESS;
}
