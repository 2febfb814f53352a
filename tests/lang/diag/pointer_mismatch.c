// Incompatible pointer types (a warning, as MSVC's C4133).
// expect warning 5:28: lang.sem.pointer_mismatch
#include <fltKernel.h>
ULONG Value;
void F(void) { PUSHORT p = &Value; *p = 1; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r); return 0; }

