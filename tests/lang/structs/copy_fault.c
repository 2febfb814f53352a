// Passing *p by value reads the structure in the caller: a NULL p faults there, at the call's
// line, and __try/__except in the caller catches it.
// expect: caught c0000005 at the call
#include <fltKernel.h>

typedef struct _PT { LONG X, Y; } PT;

LONG SumOf(PT p) { return p.X + p.Y; }

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PT *p = NULL;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        DbgPrint("sum %d\n", SumOf(*p));
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("caught %x at the call\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
