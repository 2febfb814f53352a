// Variadic macros; an empty __VA_ARGS__ drops the comma before it, as MSVC does.
// expect: [trace] plain
// expect: [trace] 1 2
#include <fltKernel.h>

#define LOG(fmt, ...) DbgPrint("[trace] " fmt "\n", __VA_ARGS__)

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    LOG("plain");
    LOG("%d %d", 1, 2);
    return STATUS_SUCCESS;
}
