// Globals larger than the playground allows (16 MiB).
// expect error 4:7: lang.budget.globals
#include <fltKernel.h>
UCHAR Huge[0x2000000];
