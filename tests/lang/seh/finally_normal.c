// __finally runs when the __try block ends normally; AbnormalTermination() is 0 then.
// expect: body
// expect: finally 0
// expect: after
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        DbgPrint("body\n");
    } __finally {
        DbgPrint("finally %d\n", AbnormalTermination());
    }
    DbgPrint("after\n");
    return STATUS_SUCCESS;
}
