// A driver without DriverEntry (reported at the start of the file).
// expect error 1:1: lang.sem.no_driver_entry
#include <fltKernel.h>
int Helper(void) { return 0; }
