// _Static_assert and C_ASSERT check layouts at compile time.
// expect: ok
#include <fltKernel.h>

_Static_assert(sizeof(FLT_REGISTRATION) == 0x70, "FLT_REGISTRATION is 0x70 bytes on x64");
C_ASSERT(FIELD_OFFSET(FLT_CALLBACK_DATA, RequestorMode) == 0x50);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("ok\n");
    return STATUS_SUCCESS;
}
