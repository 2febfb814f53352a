// A variable defined twice in one scope; a function defined twice.
// expect error 8:9: lang.sem.redefinition
// expect error 10:6: lang.sem.redefinition
#include <fltKernel.h>
void F(void)
{
    int x;
    int x;
}
void F(void) { }

