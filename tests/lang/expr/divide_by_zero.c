// Integer division by zero raises STATUS_INTEGER_DIVIDE_BY_ZERO in the driver; unhandled in
// DriverEntry (a system thread) it is bug check 0x7E with P1 = the exception code.
// expect: before
// expect exception STATUS_INTEGER_DIVIDE_BY_ZERO no
// expect bugcheck 0x7E 0xC0000094
#include <fltKernel.h>

int Zero;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int x = 10;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("before\n");
    x = x / Zero;
    DbgPrint("after %d\n", x);
    return STATUS_SUCCESS;
}
