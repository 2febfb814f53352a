// An unmapped kernel address at PASSIVE_LEVEL is bug check 0x50 PAGE_FAULT_IN_NONPAGED_AREA
// (P1 the address, P2 0 for a read).
// expect bugcheck 0x50 0xffff900000000000 0x0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PULONG p = (PULONG)0xFFFF900000000000ull;
    ULONG v;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    v = *p;
    return v;
}
