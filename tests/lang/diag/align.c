// __declspec(align(n)) needs a power of two.
// expect error 4:18: lang.sem.align
#include <fltKernel.h>
__declspec(align(3)) int x;

