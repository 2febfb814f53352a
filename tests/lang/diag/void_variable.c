// A variable of type void.
// expect error 4:21: lang.sem.void_variable
#include <fltKernel.h>
void F(void) { void v; }

