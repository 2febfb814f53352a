// DbgPrint with more arguments than the engine passes to a kernel routine (8).
// expect error 6:5: lang.sem.too_many_args
#include <fltKernel.h>
void F(int a)
{
    DbgPrint("%d %d %d %d %d %d %d %d\n", a, a, a, a, a, a, a, a);
}

