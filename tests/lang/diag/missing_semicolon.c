// A missing ';' is reported right after the token it should follow, and the
// parser goes on with the next line.
// expect error 7:14: lang.parse.missing_semicolon
#include <fltKernel.h>
void F(void)
{
    int x = 1
    int y = x;
    y++;
}

