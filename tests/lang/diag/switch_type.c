// A switch on a pointer.
// expect error 4:27: lang.sem.switch_type
#include <fltKernel.h>
void F(PVOID p) { switch (p) { default: break; } }

