// A character C does not use; the rest of the line is fine.
// expect error 4:12: lang.lex.stray
#include <fltKernel.h>
int a = 1; `

