// . on something that is not a structure.
// expect error 4:25: lang.sem.dot_non_struct
#include <fltKernel.h>
int F(int x) { return x.Length; }

