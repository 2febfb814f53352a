// #pragma pack(push, 1) packs an on-disk structure; pack(pop) restores the default.
// expect: 7 16
#include <fltKernel.h>

#pragma pack(push, 1)
typedef struct _HEADER { UCHAR Kind; ULONG Length; USHORT Flags; } HEADER;
#pragma pack(pop)
typedef struct _NORMAL { UCHAR Kind; ULONG Length; USHORT Flags; PVOID P; } NORMAL;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d\n", (int)sizeof(HEADER), (int)sizeof(NORMAL) - 8);
    return STATUS_SUCCESS;
}
