// A doubly linked list of structures with the LIST_ENTRY helpers.
// expect: empty 1
// expect: 3 1 2
// expect: removed 3, then 2, empty 1
#include <fltKernel.h>

typedef struct _ENTRY { LIST_ENTRY Link; int Value; } ENTRY, *PENTRY;

LIST_ENTRY Head;
ENTRY Items[3];

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PLIST_ENTRY e;
    int order[3], n = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    InitializeListHead(&Head);
    DbgPrint("empty %d\n", IsListEmpty(&Head));
    for (int i = 0; i < 3; i++) Items[i].Value = i + 1;
    InsertTailList(&Head, &Items[0].Link);
    InsertTailList(&Head, &Items[1].Link);
    InsertHeadList(&Head, &Items[2].Link);
    for (e = Head.Flink; e != &Head; e = e->Flink) order[n++] = CONTAINING_RECORD(e, ENTRY, Link)->Value;
    DbgPrint("%d %d %d\n", order[0], order[1], order[2]);
    e = RemoveHeadList(&Head);
    n = CONTAINING_RECORD(e, ENTRY, Link)->Value;
    e = RemoveTailList(&Head);
    RemoveEntryList(&Items[0].Link);
    DbgPrint("removed %d, then %d, empty %d\n", n, CONTAINING_RECORD(e, ENTRY, Link)->Value, IsListEmpty(&Head));
    return STATUS_SUCCESS;
}
