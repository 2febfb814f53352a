// A bit-field wider than its type.
// expect error 4:22: lang.sem.bitfield_width
#include <fltKernel.h>
struct S { ULONG x : 40; };

