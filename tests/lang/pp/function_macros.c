// Function-like macros with parenthesised arguments, # (stringize) and ## (paste).
// expect: 9 x + 1 value12
#include <fltKernel.h>

#define SQUARE(x) ((x) * (x))
#define NAME_OF(x) #x
#define GLUE(a, b) a##b

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int value12 = 12;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %s %s%d\n", SQUARE(1 + 2), NAME_OF(x + 1), NAME_OF(value), GLUE(value, 12));
    return STATUS_SUCCESS;
}
