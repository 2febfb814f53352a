// A local whose address is taken lives on the thread's kernel stack (a kernel address), and
// writes through the pointer change the local.
// expect: 42 kernel stack
#include <fltKernel.h>

void Set(PULONG p) { *p = 42; }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ULONG value = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Set(&value);
    DbgPrint("%u %s\n", value, (ULONG_PTR)&value >= 0xFFFF800000000000ull ? "kernel stack" : "user");
    return STATUS_SUCCESS;
}
