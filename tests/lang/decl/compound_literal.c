// Compound literals make unnamed objects.
// expect: 3 4
#include <fltKernel.h>

typedef struct _PT { int X, Y; } PT;

int SumOf(PT *p) { return p->X + p->Y; }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int *arr = (int[]){ 1, 2, 3 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d\n", arr[2], SumOf(&(PT){ 1, 3 }));
    return STATUS_SUCCESS;
}
