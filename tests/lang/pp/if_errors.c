// A malformed #if expression, a division by zero in #if, and 'defined' without a name.
// expect error 6:1: lang.pp.if_syntax
// expect error 8:7: lang.pp.if_divide
// expect error 10:5: lang.pp.defined
#include <fltKernel.h>
#if 1 +
#endif
#if 1 / 0
#endif
#if defined
#endif
