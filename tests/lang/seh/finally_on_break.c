// break and continue out of a __try inside a loop run the __finally each time.
// expect: finally 0
// expect: finally 1
// expect: finally 2
// expect: done
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 10; i++) {
        __try {
            if (i < 2) continue;
            break;
        } __finally {
            DbgPrint("finally %d\n", i);
        }
    }
    DbgPrint("done\n");
    return STATUS_SUCCESS;
}
