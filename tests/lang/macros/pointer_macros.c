// Add2Ptr, PtrOffset, ROUND_TO_SIZE, ALIGN_UP_BY, ALIGN_DOWN_BY, RTL_NUMBER_OF, min, max.
// expect: 16 16 24 4096
// expect: 4096 4 3 9
#include <fltKernel.h>

UCHAR Buffer[64];

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PVOID p = Add2Ptr(Buffer, 16);
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %u %d %d\n", (int)((PUCHAR)p - Buffer), PtrOffset(Buffer, p), (int)ROUND_TO_SIZE(17, 8),
             (int)ALIGN_UP_BY(4000, PAGE_SIZE));
    DbgPrint("%d %d %d %d\n", (int)ALIGN_DOWN_BY(8191, PAGE_SIZE), (int)RTL_NUMBER_OF(Buffer) / 16, min(3, 9), max(3, 9));
    return STATUS_SUCCESS;
}
