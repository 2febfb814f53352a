// ProbeForRead inside __try: a bad user address raises an exception the driver catches, as
// drivers guard user buffers.
// expect: bad buffer c0000005
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        ProbeForRead((PVOID)0x7FFFFFFF0000, 0x100000, 1);
        DbgPrint("probed\n");
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("bad buffer %x\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
