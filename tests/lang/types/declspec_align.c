// __declspec(align(n)) (DECLSPEC_ALIGN) raises a member's or a type's alignment.
// expect: 32 16
#include <fltKernel.h>

typedef struct _ALIGNED {
    UCHAR c;
    DECLSPEC_ALIGN(16) ULONG v;
} ALIGNED;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d\n", (int)sizeof(ALIGNED), (int)FIELD_OFFSET(ALIGNED, v));
    return STATUS_SUCCESS;
}
