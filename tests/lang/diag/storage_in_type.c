// A storage class inside a type name.
// expect error 4:16: lang.sem.storage_in_type
#include <fltKernel.h>
int s = sizeof(static int);

