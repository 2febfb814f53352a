// A kernel routine the model does not know is an error that names it.
// expect error 6:12: lang.sem.unknown_routine
#include <fltKernel.h>
NTSTATUS F(PFLT_FILTER Filter)
{
    return FltSendMessage(Filter, NULL, NULL, 0, NULL, NULL, NULL);
}

