// __leave outside a __try block.
// expect error 4:16: lang.sem.leave_outside
#include <fltKernel.h>
void F(void) { __leave; }

