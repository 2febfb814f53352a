// do ... while runs its body at least once; continue goes to the condition.
// expect: 1 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int runs = 0, i = 5;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    do {
        runs++;
    } while (0);
    do {
        i--;
        if (i > 0) continue;
    } while (i > 0);
    DbgPrint("%d %d\n", runs, i);
    return STATUS_SUCCESS;
}
