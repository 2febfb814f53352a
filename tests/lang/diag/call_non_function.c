// Calling a variable that is not a function pointer.
// expect error 7:12: lang.sem.call_non_function
#include <fltKernel.h>
int F(void)
{
    int x = 0;
    return x();
}

