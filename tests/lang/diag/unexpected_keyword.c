// An else without its if.
// expect error 6:5: lang.parse.unexpected
#include <fltKernel.h>
void F(void)
{
    else { }
}

