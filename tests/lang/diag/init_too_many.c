// More initialisers than elements.
// expect error 4:17: lang.sem.init_too_many
#include <fltKernel.h>
int a[1] = { 1, 2 };

