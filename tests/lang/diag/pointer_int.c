// A pointer and an integer mixed without a cast.
// expect error 5:11: lang.sem.pointer_int
// expect error 6:30: lang.sem.pointer_int
#include <fltKernel.h>
PVOID p = 5;
ULONG F(PVOID q) { ULONG x = q; return x; }

