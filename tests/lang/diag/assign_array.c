// Arrays are not assignable.
// expect error 5:16: lang.sem.assign_array
#include <fltKernel.h>
int a[2], b[2];
void F(void) { a = b; }

