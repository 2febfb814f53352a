// The address of a bit-field.
// expect error 6:24: lang.sem.addr_of_bitfield
#include <fltKernel.h>
typedef struct { ULONG Bit : 1; } BITS;
BITS s;
PVOID F(void) { return &s.Bit; }

