// A structure without members.
// expect error 4:12: lang.sem.empty_struct
#include <fltKernel.h>
struct E { };

