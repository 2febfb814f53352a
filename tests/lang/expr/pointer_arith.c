// Pointer arithmetic scales by the element size; the difference of two pointers counts elements.
// expect: 4 8 2 1
// expect: 3 30
#include <fltKernel.h>

ULONG Values[4] = { 10, 20, 30, 40 };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PULONG p = &Values[0];
    PULONG q = p + 2;
    PUCHAR bytes = (PUCHAR)p;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", (int)((PUCHAR)(p + 1) - bytes), (int)((PUCHAR)q - bytes), (int)(q - p), q > p);
    q++;
    DbgPrint("%d %u\n", (int)(q - p), *(q - 1));
    return STATUS_SUCCESS;
}
