// A return inside __try runs the __finally first (abnormal termination); the value returned
// is the one computed before.
// expect: finally 1
// expect: got 7
#include <fltKernel.h>

int Work(void)
{
    int x = 7;
    __try {
        return x;
    } __finally {
        x = 100;
        DbgPrint("finally %d\n", AbnormalTermination());
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("got %d\n", Work());
    return STATUS_SUCCESS;
}
