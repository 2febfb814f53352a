// A variable of a structure type that is only declared.
// expect error 5:29: lang.sem.incomplete_type
#include <fltKernel.h>
struct Later;
void F(void) { struct Later x; }

