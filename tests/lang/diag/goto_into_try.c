// A goto into a __try block.
// expect error 6:5: lang.sem.goto_into_try
#include <fltKernel.h>
void F(void)
{
    goto inside;
    __try {
inside:
        ;
    } __finally { }
}

