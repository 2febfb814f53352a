// #pragma alloc_text naming a function that is not declared (a warning).
// expect warning 4:26: lang.sem.pragma_function
#include <fltKernel.h>
#pragma alloc_text(PAGE, Nope)
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return 0; }

