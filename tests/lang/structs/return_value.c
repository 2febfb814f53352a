// A structure returned by value: into a variable, through a member of the call, chained.
// expect: made 3 4
// expect: member 8
// expect: chained 5 6 5 6
#include <fltKernel.h>

typedef struct _PT { LONG X, Y; } PT;

PT Make(LONG x, LONG y)
{
    PT p;
    p.X = x;
    p.Y = y;
    return p;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PT a = Make(3, 4), b, c;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("made %d %d\n", a.X, a.Y);
    DbgPrint("member %d\n", Make(7, 8).Y);
    b = c = Make(5, 6);
    DbgPrint("chained %d %d %d %d\n", b.X, b.Y, c.X, c.Y);
    return STATUS_SUCCESS;
}
