// Every WDK header maps to the built-in declarations; including several is fine.
// expect: ok
#include <fltKernel.h>
#include <ntifs.h>
#include <ntddk.h>
#include <wdm.h>
#include <dontuse.h>
#include <suppress.h>
#include "FltKernel.h"

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("ok\n");
    return STATUS_SUCCESS;
}
