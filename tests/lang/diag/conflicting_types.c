// A function defined with another type than its prototype.
// expect error 5:6: lang.sem.conflicting_types
#include <fltKernel.h>
int Compute(int x);
long Compute(int x) { return x; }

