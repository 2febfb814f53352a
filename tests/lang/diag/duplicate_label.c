// A label defined twice, and a goto to a label that does not exist.
// expect error 8:1: lang.sem.duplicate_label
// expect error 9:5: lang.sem.undefined_label
#include <fltKernel.h>
void F(void)
{
again:
again:
    goto nowhere;
}

