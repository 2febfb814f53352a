// The excpt.h spellings try/except/finally/leave and GetExceptionCode() work as in a WDK build.
// expect: caught c0000005
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    try {
        *(int *)0 = 0;
    } except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("caught %x\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
