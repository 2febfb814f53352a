// Object-like macros, nested, redefined after #undef.
// expect: 'gaTM' 300 yes
#include <fltKernel.h>

#define MY_TAG 'gaTM'
#define BASE 100
#define LIMIT (BASE * 3)
#define ANSWER "yes"
#undef ANSWER
#define ANSWER "yes"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG tag = MY_TAG;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("'%c%c%c%c' %d %s\n", (tag >> 24) & 0xFF, (tag >> 16) & 0xFF, (tag >> 8) & 0xFF, tag & 0xFF, LIMIT, ANSWER);
    return STATUS_SUCCESS;
}
