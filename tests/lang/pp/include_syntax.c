// #include needs "FILE" or <FILE>; extra tokens after a directive are a warning.
// expect error 5:10: lang.pp.include_syntax
// expect warning 7:8: lang.pp.extra_tokens
#include <fltKernel.h>
#include fltKernel.h
#if 1
#endif extra
