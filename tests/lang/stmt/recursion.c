// Recursion: each call is a VM frame; the result comes back through the frames.
// expect: 120 55
#include <fltKernel.h>

ULONG Factorial(ULONG n) { return n <= 1 ? 1 : n * Factorial(n - 1); }

ULONG Fib(ULONG n)
{
    if (n < 2) return n;
    return Fib(n - 1) + Fib(n - 2);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%u %u\n", Factorial(5), Fib(10));
    return STATUS_SUCCESS;
}
