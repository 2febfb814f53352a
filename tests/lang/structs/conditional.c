// ?: chooses between two structures; the chosen one is copied.
// expect: 1 2
// expect: 3 4
// expect: still 1 2
#include <fltKernel.h>

typedef struct _PT { LONG X, Y; } PT;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PT a = { 1, 2 }, b = { 3, 4 }, r;
    int i;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (i = 0; i < 2; i++) {
        r = i == 0 ? a : b;
        DbgPrint("%d %d\n", r.X, r.Y);
    }
    r.X = 99;
    DbgPrint("still %d %d\n", a.X, a.Y);
    return STATUS_SUCCESS;
}
