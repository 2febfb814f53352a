// FltGetRequestorProcessId and FltGetRequestorProcess name the application's process, and
// PsGetCurrentProcessId agrees in its own thread.
// expect: same process yes
#include <fltKernel.h>

PFLT_FILTER Filter;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    ULONG pid = FltGetRequestorProcessId(Data);
    PEPROCESS process = FltGetRequestorProcess(Data);
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    DbgPrint("same process %s\n", pid == (ULONG)(ULONG_PTR)PsGetCurrentProcessId() && process == IoGetCurrentProcess() &&
                                      pid != 4 ? "yes" : "no");
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };

CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &Registration, &Filter);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(Filter);
        if (!NT_SUCCESS(status)) FltUnregisterFilter(Filter);
    }
    return status;
}
