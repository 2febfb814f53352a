// const and volatile qualifiers: const data is read-only to the compiler, volatile reads are
// plain reads of simulated memory.
// expect: 5 6
#include <fltKernel.h>

const int Limit = 5;
volatile LONG Flag = 6;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    const int *p = &Limit;
    volatile LONG *f = &Flag;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d\n", *p, *f);
    return STATUS_SUCCESS;
}
