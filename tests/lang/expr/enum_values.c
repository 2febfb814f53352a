// Enumerations are ints; WDK enumerators (FLT_PREOP_*) have their WDK values.
// expect: 0 1 5 2 10 11
#include <fltKernel.h>

typedef enum _STATE { StateIdle, StateBusy, StateDone = 5, StateNext = StateDone - 3 } STATE;
enum { First = 10, Second };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    STATE s = StateBusy;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d %d\n", StateIdle, s, StateDone, StateNext, First, Second);
    return STATUS_SUCCESS;
}
