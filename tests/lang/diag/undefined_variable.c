// An extern variable never defined, used.
// expect error 8:12: lang.sem.undefined_variable
#include <fltKernel.h>
extern int Shared;
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)
{
    UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r);
    return Shared;
}

