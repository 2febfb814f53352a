// The WDK's constants (core/nt) are macros with their WDK types: NTSTATUS values are negative
// LONGs, IRP_MJ_QUERY_OPEN is a negative UCHAR, POOL_FLAG_* 64-bit.
// expect: c0000022 1 0x3 249 0x40 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%x %d 0x%x %d 0x%llx %d\n", STATUS_ACCESS_DENIED, STATUS_ACCESS_DENIED < 0, IRP_MJ_READ,
             IRP_MJ_QUERY_OPEN, POOL_FLAG_NON_PAGED, FLT_PREOP_SUCCESS_NO_CALLBACK);
    return STATUS_SUCCESS;
}
