// Subscripting a number, and subscripting with a pointer.
// expect error 7:13: lang.sem.subscript
// expect error 8:14: lang.sem.subscript_index
#include <fltKernel.h>
int F(int x, PULONG p, PULONG q)
{
    int a = x[1];
    return p[q];
}

