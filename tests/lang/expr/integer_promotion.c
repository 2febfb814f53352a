// Integer promotions: UCHAR and USHORT operands become int before the operation.
// expect: 510 -1 65536 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UCHAR a = 255, b = 255;
    USHORT s = 0xFFFF;
    UCHAR z = 0, one = 1;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", a + b, z - one, s + 1, (z - one) < 0);
    return STATUS_SUCCESS;
}
