// A wait with a zero timeout does not block: STATUS_TIMEOUT when the event is not set;
// KeClearEvent resets a set event.
// expect: 102 0 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    KEVENT ev;
    LARGE_INTEGER zero;
    NTSTATUS a, b;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    zero.QuadPart = 0;
    KeInitializeEvent(&ev, SynchronizationEvent, FALSE);
    a = KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, &zero);
    KeSetEvent(&ev, IO_NO_INCREMENT, FALSE);
    b = KeWaitForSingleObject(&ev, Executive, KernelMode, FALSE, &zero);
    KeSetEvent(&ev, IO_NO_INCREMENT, FALSE);
    KeClearEvent(&ev);
    DbgPrint("%x %x %d\n", a, b, KeReadStateEvent(&ev));
    return STATUS_SUCCESS;
}
