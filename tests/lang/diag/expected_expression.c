// A missing operand, and one error per statement: the next statement is checked again.
// expect error 7:13: lang.parse.expected
// expect error 8:13: lang.parse.expected
#include <fltKernel.h>
void F(void)
{
    int x = ;
    int y = );
}

