// A global initialised with another variable's value.
// expect error 5:9: lang.sem.init_not_constant
#include <fltKernel.h>
int y;
int g = y;

