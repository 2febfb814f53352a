// An empty character constant.
// expect error 4:9: lang.lex.bad_char
#include <fltKernel.h>
int c = '';

