// Character arrays initialised by strings, narrow and wide, locals and globals.
// expect: abc abc 3 97
#include <fltKernel.h>

CHAR Global[8] = "abc";

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    CHAR local[] = "abc";
    WCHAR wide[10] = L"abc";
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%s %s %d %d\n", Global, local, (int)wcslen(wide), wide[0]);
    return STATUS_SUCCESS;
}
