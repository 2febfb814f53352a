// An unknown directive is an error that names it.
// expect error 4:1: invalid preprocessing directive #incldue
#include <fltKernel.h>
#incldue <ntifs.h>
