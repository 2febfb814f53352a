// #endif, #else and #elif need an open #if.
// expect error 5:1: #endif without #if
// expect error 6:1: lang.pp.stray_conditional
#include <fltKernel.h>
#endif
#else
