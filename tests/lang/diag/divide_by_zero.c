// A constant division by zero (a warning at compile time).
// expect warning 4:23: lang.sem.divide_by_zero
#include <fltKernel.h>
int F(int x) { return x / 0; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return 0; }

