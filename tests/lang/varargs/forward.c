// A va_list handed on to another function, and va_copy reading the same values twice.
// expect: first 1 2
// expect: again 1 2
#include <fltKernel.h>

VOID ShowV(PCSTR Label, va_list ap)
{
    int a = va_arg(ap, int);
    int b = va_arg(ap, int);
    DbgPrint("%s %d %d\n", Label, a, b);
}

VOID Show(int Count, ...)
{
    va_list ap, copy;
    va_start(ap, Count);
    va_copy(copy, ap);
    ShowV("first", ap);
    ShowV("again", copy);
    va_end(copy);
    va_end(ap);
    UNREFERENCED_PARAMETER(Count);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Show(2, 1, 2);
    return STATUS_SUCCESS;
}
