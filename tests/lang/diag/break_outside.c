// break outside a loop or switch; continue outside a loop.
// expect error 7:5: lang.sem.break_outside
// expect error 8:5: lang.sem.continue_outside
#include <fltKernel.h>
void F(void)
{
    break;
    continue;
}

