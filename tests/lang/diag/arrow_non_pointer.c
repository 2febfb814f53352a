// -> on something that is not a pointer to a structure.
// expect error 4:26: lang.sem.arrow_non_pointer
#include <fltKernel.h>
int F(int x) { return x->Length; }

