// A bit-field must have an integer type.
// expect error 4:18: lang.sem.bitfield_type
#include <fltKernel.h>
struct S { PVOID p : 3; };

