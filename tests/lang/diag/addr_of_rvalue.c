// The address of a value that is stored nowhere.
// expect error 5:24: lang.sem.addr_of_rvalue
#include <fltKernel.h>
int a;
PVOID F(void) { return &(a + 1); }

