// Globals are in the driver's image: their addresses are kernel addresses, stable across calls.
// expect: same image
#include <fltKernel.h>

int A, B;
int *Saved;

void Save(void) { Saved = &A; }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Save();
    if (Saved == &A && (ULONG_PTR)&B - (ULONG_PTR)&A < 64 && (ULONG_PTR)&A > 0xFFFF800000000000ull)
        DbgPrint("same image\n");
    return STATUS_SUCCESS;
}
