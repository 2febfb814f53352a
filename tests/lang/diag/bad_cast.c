// A structure cannot be cast to an integer.
// expect error 5:24: lang.sem.bad_cast
#include <fltKernel.h>
UNICODE_STRING s;
ULONG F(void) { return (ULONG)s; }

