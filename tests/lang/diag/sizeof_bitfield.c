// sizeof of a bit-field, and of an incomplete type.
// expect error 7:9: lang.sem.sizeof_bitfield
// expect error 8:9: lang.sem.sizeof_incomplete
#include <fltKernel.h>
struct B { ULONG x : 3; } b;
struct Later;
int a = sizeof b.x;
int c = sizeof(struct Later);

