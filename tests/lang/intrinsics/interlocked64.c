// 64-bit and pointer forms.
// expect: 4294967296 4294967297 same 1
#include <fltKernel.h>

volatile LONG64 Big = 0xFFFFFFFF;
PVOID volatile Slot;
int Target;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LONG64 a, b;
    PVOID old;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    a = InterlockedIncrement64(&Big);
    b = InterlockedExchangeAdd64(&Big, 1) + 1;
    old = InterlockedExchangePointer(&Slot, &Target);
    DbgPrint("%lld %lld %s %d\n", a, b, Slot == &Target && old == NULL ? "same" : "differs",
             InterlockedCompareExchangePointer(&Slot, NULL, &Target) == &Target);
    return STATUS_SUCCESS;
}
