// return without a value in a function that has one, and with one in a VOID function.
// expect error 5:15: lang.sem.return_no_value
// expect error 6:23: lang.sem.return_value_in_void
#include <fltKernel.h>
int F(void) { return; }
VOID G(void) { return 1; }

