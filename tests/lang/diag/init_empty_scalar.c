// Empty braces for a number.
// expect error 4:9: lang.sem.init_empty_scalar
#include <fltKernel.h>
int x = {};

