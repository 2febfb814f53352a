// SAL annotations (_In_, _Inout_opt_, _When_(...), _IRQL_requires_max_(...)) are accepted
// and ignored, wherever the WDK's samples put them.
// expect: 3
#include <fltKernel.h>

_IRQL_requires_max_(APC_LEVEL)
_Must_inspect_result_
_Success_(return != 0)
int Add(_In_ int a, _In_opt_ int b, _Out_writes_bytes_(4) int *out, _Inout_ int *count)
{
    *out = a + b;
    (*count)++;
    return 1;
}

_Function_class_(DRIVER_INITIALIZE)
_Use_decl_annotations_
NTSTATUS DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    int r = 0, n = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    _Analysis_assume_(n == 0);
    Add(1, 2, &r, &n);
    DbgPrint("%d\n", r);
    return STATUS_SUCCESS;
}
