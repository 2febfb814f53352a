// A function with '...' that returns a structure: the result's buffer and the values after
// the named argument do not get mixed up.
// expect: min 2 max 9
// expect: empty 0 0
#include <fltKernel.h>

typedef struct _RANGE { LONG Min, Max; } RANGE;

RANGE RangeOf(int count, ...)
{
    RANGE r = { 0, 0 };
    va_list ap;
    va_start(ap, count);
    for (int i = 0; i < count; i++) {
        LONG v = va_arg(ap, LONG);
        if (i == 0 || v < r.Min) r.Min = v;
        if (i == 0 || v > r.Max) r.Max = v;
    }
    va_end(ap);
    return r;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    RANGE r = RangeOf(4, 5, 2, 9, 3);
    RANGE e = RangeOf(0);
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("min %d max %d\n", r.Min, r.Max);
    DbgPrint("empty %d %d\n", e.Min, e.Max);
    return STATUS_SUCCESS;
}
