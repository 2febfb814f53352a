// Statements that compile to no instruction (UNREFERENCED_PARAMETER, an empty statement, an
// empty block), one after another, before a label and at the end of a loop body, keep their
// place: the code around them runs as written.
// scenario events: off
// expect: count 3 last 2
// expect: label reached 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int count = 0, last = -1, reached = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    ;
    {}
    for (int i = 0; i < 3; i++) {
        count++;
        last = i;
        ;
        {}
    }
    DbgPrint("count %d last %d\n", count, last);
    if (count == 3) goto done;
    reached = 100;
    ;
done:
    ;
    reached++;
    DbgPrint("label reached %d\n", reached);
    return STATUS_SUCCESS;
}
