// A comment that never ends.
// expect error 5:1: lang.lex.unterminated_comment
#include <fltKernel.h>
int a;
/* never closed
int b;

