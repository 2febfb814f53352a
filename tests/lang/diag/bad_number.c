// A malformed number: 0x with no digits, 08 in octal.
// expect error 5:9: lang.lex.bad_number
// expect error 6:9: lang.lex.bad_number
#include <fltKernel.h>
int a = 0x;
int b = 08;

