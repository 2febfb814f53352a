// An #if without #endif.
// expect error 4:1: lang.pp.unterminated_if
#include <fltKernel.h>
#if DBG
int x;
