// Character constants: plain char is signed (MSVC); multi-character constants pack like pool tags.
// expect: 65 10 -1 0 74736554
// expect: 1952805748
#include <fltKernel.h>

#define TAG 'tseT'

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    CHAR c = (CHAR)'\xff';
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %x\n", 'A', '\n', c, '\0', TAG);
    DbgPrint("%d\n", 'test');
    return STATUS_SUCCESS;
}
