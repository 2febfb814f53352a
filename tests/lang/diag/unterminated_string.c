// A string without its closing quote (no cascade after it).
// expect error 6:14: lang.lex.unterminated_string
#include <fltKernel.h>
void F(void)
{
    DbgPrint("oops);
}

