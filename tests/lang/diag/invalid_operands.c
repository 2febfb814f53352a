// Operators on operands they do not apply to.
// expect error 8:13: lang.sem.invalid_operands
// expect error 9:12: lang.sem.invalid_operands
#include <fltKernel.h>
UNICODE_STRING s;
int F(void)
{
    int a = s + 1;
    return ~s;
}

