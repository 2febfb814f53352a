// A recursive function returning a structure: every level has its own result buffer.
// expect: fib 10 = 55 (next 89)
#include <fltKernel.h>

typedef struct _PAIR { ULONG A, B; } PAIR;

PAIR Fib(ULONG n)
{
    PAIR p;
    if (n == 0) {
        p.A = 0;
        p.B = 1;
        return p;
    }
    p = Fib(n - 1);
    return (PAIR){ p.B, p.A + p.B };
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    PAIR r = Fib(10);
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("fib 10 = %lu (next %lu)\n", r.A, r.B);
    return STATUS_SUCCESS;
}
