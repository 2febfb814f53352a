// CONTAINING_RECORD finds the structure around an embedded LIST_ENTRY.
// expect: 42
#include <fltKernel.h>

typedef struct _ITEM {
    int Value;
    LIST_ENTRY Link;
} ITEM, *PITEM;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ITEM item;
    PLIST_ENTRY link = &item.Link;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    item.Value = 42;
    DbgPrint("%d\n", CONTAINING_RECORD(link, ITEM, Link)->Value);
    return STATUS_SUCCESS;
}
