// The filter is evaluated where the exception happens: it can look at GetExceptionCode()
// and decline (EXCEPTION_CONTINUE_SEARCH) so that an outer handler takes it.
// expect: filter sees c0000094
// expect: outer took c0000094
#include <fltKernel.h>

int Zero;

int Filter(ULONG code)
{
    DbgPrint("filter sees %x\n", code);
    return code == STATUS_ACCESS_VIOLATION ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    __try {
        __try {
            Zero = 10 / Zero;
        } __except (Filter(GetExceptionCode())) {
            DbgPrint("inner took it\n");
        }
    } __except (GetExceptionCode() == STATUS_INTEGER_DIVIDE_BY_ZERO ? EXCEPTION_EXECUTE_HANDLER
                                                                    : EXCEPTION_CONTINUE_SEARCH) {
        DbgPrint("outer took %x\n", GetExceptionCode());
    }
    return STATUS_SUCCESS;
}
