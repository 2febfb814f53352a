// A character constant without its closing quote (no cascade after it).
// expect error 4:9: lang.lex.unterminated_char
#include <fltKernel.h>
int c = 'a;
int d = 2;

