// GetExceptionInformation is not modelled.
// expect error 6:25: lang.sem.unsupported
#include <fltKernel.h>
void F(void)
{
    __try { } __except (GetExceptionInformation() != NULL) { }
}

