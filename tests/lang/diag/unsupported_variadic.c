// A call with more than 16 arguments after '...' to a driver function (its home area holds 16).
// expect error 8:12: lang.sem.unsupported
#include <fltKernel.h>
int Sum(int n, ...) { return n; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)
{
    UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r);
    return Sum(17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
}

