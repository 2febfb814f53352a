// A member of a structure type that is only declared.
// expect error 5:25: lang.sem.incomplete_member
#include <fltKernel.h>
struct Later;
struct S { struct Later inner; };

