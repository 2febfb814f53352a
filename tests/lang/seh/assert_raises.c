// A failed NT_ASSERT raises STATUS_ASSERTION_FAILURE (checked build); unhandled in
// DriverEntry it is bug check 0x7E.
// expect exception 0xC0000420 no
// expect bugcheck 0x7E 0xC0000420
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int count = 3;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    NT_ASSERT(count == 3);
    FLT_ASSERT(count < 2);
    return STATUS_SUCCESS;
}
