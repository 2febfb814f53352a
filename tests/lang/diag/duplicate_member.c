// Two members with the same name.
// expect error 4:23: lang.sem.duplicate_member
#include <fltKernel.h>
struct S { int a; int a; };

