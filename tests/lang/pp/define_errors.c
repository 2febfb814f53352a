// Malformed #define lines: no name, a bad parameter list, '#' not before a parameter, '##' at
// an edge, and #undef without a name.
// expect error 9:9: lang.pp.macro_name
// expect error 10:13: lang.pp.macro_params
// expect error 11:14: lang.pp.stringize
// expect error 12:14: lang.pp.paste_edge
// expect error 13:1: lang.pp.macro_name
#include <fltKernel.h>
#define 123
#define F(a b) a
#define S(x) #y
#define P(x) ## x
#undef
