// The VM's host memory per invocation (here 4 KB): deep driver calls need more frames.
// scenario vm-bytes: 4096
// expect end budget
// expect event run_end host memory
#include <fltKernel.h>

ULONG Down(ULONG n) { return n == 0 ? 0 : 1 + Down(n - 1); }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    return Down(60) == 60 ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
