// A call with the wrong number of arguments, for a driver function and a kernel routine.
// expect error 8:5: lang.sem.arg_count
// expect error 9:5: lang.sem.arg_count
#include <fltKernel.h>
int Add(int a, int b) { return a + b; }
void F(void)
{
    Add(1);
    KeLowerIrql();
}

