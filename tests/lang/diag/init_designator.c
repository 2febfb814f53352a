// A member designator for an array.
// expect error 4:14: lang.sem.init_designator
#include <fltKernel.h>
int a[2] = { .x = 1 };

