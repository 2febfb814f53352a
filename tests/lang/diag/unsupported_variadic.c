// A driver function with '...' (va_list is not available).
// expect error 4:5: lang.sem.unsupported
#include <fltKernel.h>
int Sum(int n, ...) { return n; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return Sum(0); }

