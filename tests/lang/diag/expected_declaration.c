// Something at file scope that is not a declaration.
// expect error 5:1: lang.parse.expected
#include <fltKernel.h>
int a;
42;
int b;

