// The handler runs in the frame that has the __except, with its locals as they were.
// expect: i=3 caught
#include <fltKernel.h>

void Fault(int n)
{
    if (n == 3) *(volatile int *)16 = n;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int i = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        for (i = 0; i < 10; i++) Fault(i);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("i=%d caught\n", i);
    }
    return STATUS_SUCCESS;
}
