// The VM's superinstructions, without statement events: a pointer load and the load through it
// (LDPP1/4/8: Data->Iopb->MajorFunction and the like) and a global counter's increment
// (GADD4), with faults in either load of a pair caught where they happen.
// scenario events: off
// expect: bytes 7 4660 81985529216486895 total 12 level -3
// expect: first load caught c0000005 at 1
// expect: second load caught c0000005 at 1
// expect: counters 12 -3
#include <fltKernel.h>

typedef struct _INNER {
    UCHAR Small;
    ULONG Medium;
    ULONGLONG Large;
} INNER, *PINNER;

typedef struct _OUTER {
    PINNER Inner;
    ULONG Count;
} OUTER, *POUTER;

ULONG gTotal;
LONG gLevel;

/* One statement, one pair: with `o` bad the pair's first load faults, with o->Inner bad its
 * second; `step` says how far the function got. */
static ULONG Touch(POUTER o, int *step)
{
    *step = 1;
    ULONG v = o->Inner->Medium;
    *step = 2;
    return v;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    POUTER o = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(OUTER), 'tuoT');
    PINNER in = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(INNER), 'nniT');
    int step = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    if (!o || !in) return STATUS_INSUFFICIENT_RESOURCES;
    in->Small = 7;
    in->Medium = 0x1234;
    in->Large = 0x123456789ABCDEFull;
    o->Inner = in;
    for (int i = 0; i < 4; i++) {
        gTotal++;
        gTotal += 2;
        gLevel--;
    }
    gLevel += 1;
    DbgPrint("bytes %u %lu %llu total %lu level %ld\n", o->Inner->Small, o->Inner->Medium, o->Inner->Large,
             gTotal, gLevel);
    __try {
        Touch((POUTER)(ULONG_PTR)0x20, &step);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("first load caught %x at %d\n", GetExceptionCode(), step);
    }
    o->Inner = (PINNER)(ULONG_PTR)0x10;
    __try {
        Touch(o, &step);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        DbgPrint("second load caught %x at %d\n", GetExceptionCode(), step);
    }
    DbgPrint("counters %lu %ld\n", gTotal, gLevel);
    ExFreePoolWithTag(in, 'nniT');
    ExFreePoolWithTag(o, 'tuoT');
    return STATUS_SUCCESS;
}
