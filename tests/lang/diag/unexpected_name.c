// A name inside a type name.
// expect error 4:20: lang.parse.unexpected_name
#include <fltKernel.h>
int s = sizeof(int x);

