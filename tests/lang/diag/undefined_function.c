// A function declared but never defined, called.
// expect error 8:12: lang.sem.undefined_function
#include <fltKernel.h>
int Helper(int x);
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)
{
    UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r);
    return Helper(1);
}

