// A designated index outside the array.
// expect error 4:15: lang.sem.init_index
#include <fltKernel.h>
int a[2] = { [5] = 1 };

