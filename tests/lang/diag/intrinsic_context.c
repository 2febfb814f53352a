// GetExceptionCode outside an __except filter or handler.
// expect error 4:24: lang.sem.intrinsic_context
#include <fltKernel.h>
ULONG F(void) { return GetExceptionCode(); }

