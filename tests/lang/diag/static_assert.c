// A static assertion that fails.
// expect error 4:16: lang.sem.static_assert
#include <fltKernel.h>
_Static_assert(sizeof(ULONG) == 8, "ULONG is 32 bits on Windows");

