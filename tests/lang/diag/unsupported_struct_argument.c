// A structure passed by value to a driver function.
// expect error 9:16: lang.sem.unsupported
#include <fltKernel.h>
int Len(UNICODE_STRING s) { return s.Length; }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)
{
    UNICODE_STRING s = RTL_CONSTANT_STRING(L"a");
    UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r);
    return Len(s);
}

