// A classic mistake: asking for the file's name while holding a spin lock. The lock raised
// the IRQL to DISPATCH_LEVEL and FltGetFileNameInformation is for <= APC_LEVEL: Filter
// Verifier breaks in (API-1).
// scenario verifier: on
// expect violation API-1
// expect end verifier
// expect irql DISPATCH_LEVEL at line 21
#include <fltKernel.h>

PFLT_FILTER gFilter;
KSPIN_LOCK gLock;
ULONG gReads;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context)
{
    KIRQL old;
    PFLT_FILE_NAME_INFORMATION name;
    UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Context);
    KeAcquireSpinLock(&gLock, &old);
    gReads++;
    if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &name)))
        FltReleaseFileNameInformation(name);
    KeReleaseSpinLock(&gLock, old);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&gLock);
    status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
