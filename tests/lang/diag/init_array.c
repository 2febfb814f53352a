// An array initialised with a number.
// expect error 4:12: lang.sem.init_array
#include <fltKernel.h>
int a[2] = 5;

