// Two cases with the same value, and two defaults.
// expect error 9:5: lang.sem.duplicate_case
// expect error 11:5: lang.sem.duplicate_default
#include <fltKernel.h>
void F(int x)
{
    switch (x) {
    case 1: break;
    case 1: break;
    default: break;
    default: break;
    }
}

