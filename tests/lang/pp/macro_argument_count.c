// Calling a function-like macro with the wrong number of arguments, or never closing it.
// expect error 8:5: wrong number of arguments for macro 'PAIR'
// expect error 9:12: lang.pp.unterminated_call
#include <fltKernel.h>
#define PAIR(a, b) ((a) + (b))
int Use(void)
{
    PAIR(1);
    return PAIR(1,
