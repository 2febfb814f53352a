// Structures by value through a function pointer, and a large structure (the copy is every byte).
// expect: sum 10 last 7
#include <fltKernel.h>

typedef struct _BIG { ULONG V[8]; } BIG;
typedef BIG (*PREVERSE)(BIG b);

BIG Reverse(BIG b)
{
    BIG r;
    for (int i = 0; i < 8; i++) r.V[i] = b.V[7 - i];
    return r;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    BIG b = { { 7, 0, 0, 0, 0, 0, 1, 2 } };
    PREVERSE f = Reverse;
    BIG r = f(b);
    ULONG sum = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 8; i++) sum += r.V[i];
    DbgPrint("sum %lu last %lu\n", sum, r.V[7]);
    return STATUS_SUCCESS;
}
