// Floating point is not available in kernel code here.
// expect error 5:1: lang.sem.float
// expect error 6:9: lang.sem.float
#include <fltKernel.h>
float f;
int g = 1.5;

