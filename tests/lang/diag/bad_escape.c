// An unknown escape sequence in a string literal.
// expect error 4:11: lang.lex.bad_escape
#include <fltKernel.h>
PCSTR s = "a\qb";

