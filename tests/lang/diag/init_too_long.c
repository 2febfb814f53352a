// A string longer than its array.
// expect error 4:13: lang.sem.init_too_long
#include <fltKernel.h>
CHAR s[2] = "abc";

