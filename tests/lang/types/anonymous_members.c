// Members of anonymous structures and unions are reached by their own names.
// expect: 8 1 2
#include <fltKernel.h>

typedef struct _VARIANT {
    int Kind;
    union {
        int Number;
        struct { SHORT Low, High; };
    };
} VARIANT;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    VARIANT v;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    v.Number = 0x00020001;
    DbgPrint("%d %d %d\n", (int)sizeof(v), v.Low, v.High);
    return STATUS_SUCCESS;
}
