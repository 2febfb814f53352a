// A function cannot return an array.
// expect error 4:12: lang.sem.bad_return_type
#include <fltKernel.h>
int F(void)[3];

