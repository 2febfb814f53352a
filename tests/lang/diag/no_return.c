// A function that can end without returning a value (a warning).
// expect warning 7:1: lang.sem.no_return
#include <fltKernel.h>
int F(int x)
{
    if (x) return 1;
}
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return F(1) - 1; }

