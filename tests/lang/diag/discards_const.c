// Converting a pointer to const into a pointer to non-const (a warning).
// expect warning 5:25: lang.sem.discards_const
#include <fltKernel.h>
const int Limit = 1;
void F(void) { int *p = &Limit; *p = 2; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return 0; }

