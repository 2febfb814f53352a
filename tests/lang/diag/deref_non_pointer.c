// Dereferencing an integer, and a void pointer.
// expect error 7:13: lang.sem.deref_non_pointer
// expect error 8:12: lang.sem.deref_void
#include <fltKernel.h>
int F(int x, PVOID p)
{
    int a = *x;
    return *p;
}

