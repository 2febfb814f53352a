// Local arrays and structures with initialisers (zero for what is not given); brace elision.
// expect: 1 2 0 0
// expect: 10 20 30 0
// expect: 5 6 7 8
#include <fltKernel.h>

typedef struct _PAIR { int A, B; } PAIR;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int a[4] = { 1, 2 };
    PAIR pairs[2] = { { 10, 20 }, { 30 } };
    PAIR flat[2] = { 5, 6, 7, 8 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", a[0], a[1], a[2], a[3]);
    DbgPrint("%d %d %d %d\n", pairs[0].A, pairs[0].B, pairs[1].A, pairs[1].B);
    DbgPrint("%d %d %d %d\n", flat[0].A, flat[0].B, flat[1].A, flat[1].B);
    return STATUS_SUCCESS;
}
