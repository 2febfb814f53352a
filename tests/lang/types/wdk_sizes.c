// The WDK's structures have the sizes a WDK build gives on x64.
// expect: 112 88 72 48
// expect: 32 16 216 120
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d\n", (int)sizeof(FLT_REGISTRATION), (int)sizeof(FLT_CALLBACK_DATA),
             (int)sizeof(FLT_IO_PARAMETER_BLOCK), (int)sizeof(FLT_RELATED_OBJECTS));
    DbgPrint("%d %d %d %d\n", (int)sizeof(FLT_OPERATION_REGISTRATION), (int)sizeof(UNICODE_STRING),
             (int)sizeof(FILE_OBJECT), (int)sizeof(FLT_FILE_NAME_INFORMATION));
    return STATUS_SUCCESS;
}
