// PsGetCurrentProcessId in DriverEntry is the System process (4); the current thread and
// process objects are kernel addresses; PsGetCurrentProcess is IoGetCurrentProcess.
// expect: pid 4 thread 1 process 1 same 1
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("pid %d thread %d process %d same %d\n", (int)(ULONG_PTR)PsGetCurrentProcessId(),
             PsGetCurrentThread() != NULL && PsGetCurrentThreadId() != NULL, IoGetCurrentProcess() != NULL,
             PsGetCurrentProcess() == IoGetCurrentProcess());
    return STATUS_SUCCESS;
}
