// A VOID function's result used as a value.
// expect error 5:23: lang.sem.void_value
#include <fltKernel.h>
VOID Nothing(VOID) { }
int F(void) { int x = Nothing(); return x; }

