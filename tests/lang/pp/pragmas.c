// #pragma warning, prefast, once and comment are accepted and ignored; _Pragma too.
// expect: ok
#pragma once
#include <fltKernel.h>
#pragma warning(disable: 4100)
#pragma warning(push)
#pragma prefast(disable: 28175, "reason")
#pragma comment(lib, "fltMgr.lib")
_Pragma("warning(pop)")

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
#pragma warning(suppress: 4100)
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("ok\n");
    return STATUS_SUCCESS;
}
