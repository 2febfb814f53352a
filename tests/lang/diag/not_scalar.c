// A structure used as a condition.
// expect error 5:20: lang.sem.not_scalar
#include <fltKernel.h>
UNICODE_STRING s;
void F(void) { if (s) { } }

