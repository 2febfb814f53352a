// Pasting two tokens that do not form one token.
// expect error 7:16: pasting forms '+-', an invalid token
#include <fltKernel.h>
#define J(a, b) a##b
int Use(int x)
{
    return x J(+, -) 1;
}
