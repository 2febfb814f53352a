// case and default outside a switch.
// expect error 7:5: lang.sem.case_outside
// expect error 8:5: lang.sem.default_outside
#include <fltKernel.h>
void F(int x)
{
    case 1: x++;
    default: x--;
}

