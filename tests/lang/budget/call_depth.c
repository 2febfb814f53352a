// Driver calls nested deeper than the call-depth budget (here 20) end the run with a budget
// event before the 24 KB kernel stack would overflow.
// scenario call-depth: 20
// expect end budget
// expect event run_end call
#include <fltKernel.h>

ULONG Down(ULONG n) { return n == 0 ? 0 : 1 + Down(n - 1); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return Down(100) == 100 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
