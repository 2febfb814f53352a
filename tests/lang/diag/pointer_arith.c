// Arithmetic on a void pointer (its element size is unknown).
// expect error 4:27: lang.sem.pointer_arith
#include <fltKernel.h>
PVOID F(PVOID p) { return p + 1; }

