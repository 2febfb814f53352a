// A structure whose body declares the same tag again (found by fuzzing: it used to make the structure contain itself).
// expect error 7:12: lang.sem.redefinition
// expect error 10:35: lang.sem.no_member
#include <fltKernel.h>
struct _CTX {
    int A;
    struct _CTX { int B; };
    int C;
};
int F(struct _CTX *c) { return c->Z; }

