// A variable-length structure: a one-element array at the end, allocated larger.
// expect: 8 3
#include <fltKernel.h>

typedef struct _NAMES {
    ULONG Count;
    WCHAR Chars[ANYSIZE_ARRAY];
} NAMES, *PNAMES;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PNAMES n;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    n = ExAllocatePoolZero(NonPagedPoolNx, FIELD_OFFSET(NAMES, Chars) + 3 * sizeof(WCHAR), 'mnTT');
    if (!n) return STATUS_INSUFFICIENT_RESOURCES;
    n->Count = 3;
    n->Chars[2] = L'z';
    DbgPrint("%d %u\n", (int)sizeof(NAMES), n->Count);
    ExFreePoolWithTag(n, 'mnTT');
    return STATUS_SUCCESS;
}
