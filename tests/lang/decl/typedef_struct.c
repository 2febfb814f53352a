// typedef struct _MY_CTX { ... } MY_CTX, *PMY_CTX; and forward declarations of tags.
// expect: 24 7 9
#include <fltKernel.h>

typedef struct _NODE *PNODE;

typedef struct _MY_CTX {
    ULONG Count;
    PVOID Buffer;
    PNODE Next;
} MY_CTX, *PMY_CTX;

typedef struct _NODE {
    int Value;
} NODE;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    MY_CTX ctx;
    PMY_CTX p = &ctx;
    NODE n = { 9 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    p->Count = 7;
    p->Next = &n;
    DbgPrint("%d %u %d\n", (int)sizeof(MY_CTX), ctx.Count, ctx.Next->Value);
    return STATUS_SUCCESS;
}
