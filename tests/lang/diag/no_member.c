// A member that does not exist (a typo in Iopb).
// expect error 4:55: lang.sem.no_member
#include <fltKernel.h>
UCHAR F(PFLT_CALLBACK_DATA Data) { return Data->Iopb->MajorFuntion; }

