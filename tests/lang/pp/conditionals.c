// #if with defined(), arithmetic and #elif; DBG is 1 (the checked-build assertions are on).
// expect: checked x64 level2
#include <fltKernel.h>

#define LEVEL 2

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
#if DBG
    PCSTR build = "checked";
#else
    PCSTR build = "free";
#endif
#if defined(_WIN64) && !defined(_X86_)
#ifdef _AMD64_
#if LEVEL == 1
#error not this one
#elif LEVEL * 2 == 4 && (LEVEL << 1) > 3
    DbgPrint("%s x64 level2\n", build);
#else
    DbgPrint("%s other\n", build);
#endif
#endif
#endif
    return STATUS_SUCCESS;
}
