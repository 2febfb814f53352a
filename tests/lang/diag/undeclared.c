// A variable that is not declared; each statement reports its own use.
// expect error 7:5: lang.sem.undeclared
// expect error 8:5: lang.sem.undeclared
#include <fltKernel.h>
void F(void)
{
    Count = 1;
    Count++;
}

