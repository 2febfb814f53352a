// while loops with break and continue; the loop head is a statement each time it is tested.
// expect: 1 3 5 7
// expect line 14 runs 7 times
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int i = 0;
    int found[4];
    int n = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    while (i < 20) {
        i++;
        if (i % 2 == 0) continue;
        found[n++] = i;
        if (n == 4) break;
    }
    DbgPrint("%d %d %d %d\n", found[0], found[1], found[2], found[3]);
    return STATUS_SUCCESS;
}
