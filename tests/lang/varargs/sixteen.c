// Sixteen arguments after '...' (the most a driver function receives here), through a
// function pointer; the named parameter shows in the statement event.
// expect: 136
// expect locals at line 12: count=16
#include <fltKernel.h>

typedef ULONG (*PSUM)(ULONG count, ...);

ULONG Sum(ULONG count, ...)
{
    va_list ap;
    ULONG total = 0;
    va_start(ap, count);
    while (count--) total += va_arg(ap, ULONG);
    va_end(ap);
    return total;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PSUM f = Sum;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%lu\n", f(16, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));
    return STATUS_SUCCESS;
}
