// The Interlocked routines return the old or the new value as wdm.h documents.
// expect: 1 0 0 5
// expect: 5 12 12 12
// expect: 12 8 9 11
#include <fltKernel.h>

volatile LONG Value;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    LONG inc, dec, xchg, add, xadd, cmp1, cmp2, now;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    inc = InterlockedIncrement(&Value);
    dec = InterlockedDecrement(&Value);
    xchg = InterlockedExchange(&Value, 5);
    xadd = InterlockedExchangeAdd(&Value, 3);
    add = InterlockedAdd(&Value, 4);
    cmp1 = InterlockedCompareExchange(&Value, 99, 1);
    cmp2 = InterlockedCompareExchange(&Value, 12, 12);
    now = Value;
    DbgPrint("%d %d %d %d\n", inc, dec, xchg, xadd + 0 * add);
    DbgPrint("%d %d %d %d\n", xadd, add, cmp1, now);
    DbgPrint("%d %d %d %d\n", InterlockedAnd(&Value, 8), InterlockedOr(&Value, 1), InterlockedXor(&Value, 2), Value);
    (void)cmp2;
    return STATUS_SUCCESS;
}
