// Function pointers: a table of handlers called indirectly, compared and stored in globals.
// expect: add
// expect: 7
// expect: sub
// expect: -1
// expect: same
#include <fltKernel.h>

typedef int (*OPERATION)(int, int);

int Add(int a, int b) { DbgPrint("add\n"); return a + b; }
int Sub(int a, int b) { DbgPrint("sub\n"); return a - b; }

OPERATION Table[2] = { Add, Sub };
OPERATION Chosen;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int i;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (i = 0; i < 2; i++) {
        int r = Table[i](3, 4);
        DbgPrint("%d\n", r);
    }
    Chosen = &Add;
    if (Chosen == Table[0]) DbgPrint("same\n");
    return STATUS_SUCCESS;
}
