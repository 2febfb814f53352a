// va_arg walks the arguments after the named one: ints, 64-bit values and pointers.
// expect: sum 10
// expect: big 4294967296 -1
// expect: names a.txt b.txt
#include <fltKernel.h>

int Sum(int count, ...)
{
    va_list ap;
    int total = 0;
    va_start(ap, count);
    for (int i = 0; i < count; i++) total += va_arg(ap, int);
    va_end(ap);
    return total;
}

VOID Big(int count, ...)
{
    va_list ap;
    LONGLONG a, b;
    va_start(ap, count);
    a = va_arg(ap, LONGLONG);
    b = va_arg(ap, LONGLONG);
    va_end(ap);
    DbgPrint("big %I64d %I64d\n", a, b);
    UNREFERENCED_PARAMETER(count);
}

VOID Names(PCSTR first, ...)
{
    va_list ap;
    PCSTR second;
    va_start(ap, first);
    second = va_arg(ap, PCSTR);
    va_end(ap);
    DbgPrint("names %s %s\n", first, second);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("sum %d\n", Sum(4, 1, 2, 3, 4));
    Big(2, 4294967296LL, -1LL);
    Names("a.txt", "b.txt");
    return STATUS_SUCCESS;
}
