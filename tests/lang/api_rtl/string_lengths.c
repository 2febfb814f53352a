// strlen and wcslen, memcmp and memset from the C runtime the kernel provides.
// expect: 5 7 0 -1 zz
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    CHAR s[3];
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    memset(s, 'z', 2);
    s[2] = 0;
    DbgPrint("%d %d %d %d %s\n", (int)strlen("hello"), (int)wcslen(L"a.txt:x"), memcmp("ab", "ab", 2),
             memcmp("ab", "b", 1) < 0 ? -1 : 1, s);
    return STATUS_SUCCESS;
}
