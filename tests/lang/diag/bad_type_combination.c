// Type specifiers that do not combine.
// expect error 4:1: lang.sem.bad_type_combination
#include <fltKernel.h>
short long x;

