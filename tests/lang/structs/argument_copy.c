// A structure argument is a copy: the callee changes its own, the caller's stays.
// expect: callee 11 22
// expect: caller 1 2
#include <fltKernel.h>

typedef struct _PT { LONG X, Y; } PT;

VOID Bump(PT p)
{
    p.X += 10;
    p.Y += 20;
    DbgPrint("callee %d %d\n", p.X, p.Y);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PT a = { 1, 2 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Bump(a);
    DbgPrint("caller %d %d\n", a.X, a.Y);
    return STATUS_SUCCESS;
}
