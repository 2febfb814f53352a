// A narrow string for a WCHAR array.
// expect error 4:13: lang.sem.string_init_type
#include <fltKernel.h>
WCHAR w[] = "abc";

