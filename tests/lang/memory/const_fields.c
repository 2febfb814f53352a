// Assigning a const member of the callback data (Data->Iopb is PFLT_IO_PARAMETER_BLOCK CONST)
// is a compile error, as with the WDK.
// expect error 9:5: cannot assign to 'Iopb': it is const
#include <fltKernel.h>

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    Data->Iopb = NULL;
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}
