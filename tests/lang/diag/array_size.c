// A negative array size.
// expect error 4:7: lang.sem.array_size
#include <fltKernel.h>
int a[-1];

