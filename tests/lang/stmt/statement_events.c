// Every executed statement is an event with the locals it changed.
// expect line 10 runs 1 times
// expect line 11 runs 4 times
// expect line 12 runs 2 times
// expect locals at line 11: total=0x3
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int total = 0;
    for (int i = 0; i < 2; i++)
        total += i + 1;
    return total == 3 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
