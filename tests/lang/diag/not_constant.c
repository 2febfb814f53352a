// An array size that is not a constant.
// expect error 4:23: lang.sem.not_constant
#include <fltKernel.h>
void F(int n) { int a[n]; a[0] = 0; }

