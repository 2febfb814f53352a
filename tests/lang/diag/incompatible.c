// A structure assigned to an integer.
// expect error 5:24: lang.sem.incompatible
#include <fltKernel.h>
UNICODE_STRING s;
void F(void) { int x = s; x++; }

