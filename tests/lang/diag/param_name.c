// A parameter without a name in a function definition.
// expect error 4:10: lang.sem.param_name
#include <fltKernel.h>
int F(int) { return 0; }

