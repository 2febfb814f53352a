// DriverEntry with another signature than the WDK's (a warning).
// expect warning 4:10: lang.sem.driver_entry_type
#include <fltKernel.h>
NTSTATUS DriverEntry(void) { return STATUS_SUCCESS; }

