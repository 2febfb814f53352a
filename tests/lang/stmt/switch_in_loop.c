// continue inside a switch goes to the enclosing loop; break leaves only the switch.
// expect: 0 2 4
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int seen[3], n = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 6; i++) {
        switch (i % 2) {
        case 1:
            continue;
        case 0:
            seen[n++] = i;
            break;
        }
    }
    DbgPrint("%d %d %d\n", seen[0], seen[1], seen[2]);
    return STATUS_SUCCESS;
}
