// for loops: a declaration in the first clause, an empty condition, nested loops.
// expect: 45 6
// expect locals at line 13: i=0x3
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int sum = 0, pairs = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 10; i++) sum += i;
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            pairs++;
    for (;;) { break; }
    DbgPrint("%d %d\n", sum, pairs);
    return STATUS_SUCCESS;
}
