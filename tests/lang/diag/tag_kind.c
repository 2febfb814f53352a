// A tag declared as a struct and used as a union.
// expect error 5:7: lang.sem.tag_kind
#include <fltKernel.h>
struct S { int a; };
union S u;

