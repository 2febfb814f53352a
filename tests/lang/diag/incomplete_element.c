// An array of a structure that is only declared.
// expect error 5:19: lang.sem.incomplete_element
#include <fltKernel.h>
struct Later;
struct Later Items[3];

