// Assigning to something that is not a variable.
// expect error 4:17: lang.sem.not_lvalue
#include <fltKernel.h>
void F(int x) { 1 = x; }

