// A logging helper with '...' used from a pre-operation callback while a spin lock is held
// (vDbgPrintEx may be called at any IRQL).
// expect: read of 5 bytes at 2
// expect irql DISPATCH_LEVEL at line 25
#include <fltKernel.h>

PFLT_FILTER gFilter;
KSPIN_LOCK gLock;

VOID Log(PCSTR Format, ...)
{
    va_list args;
    va_start(args, Format);
    vDbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL, Format, args);
    va_end(args);
}

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                  PVOID *CompletionContext)
{
    KIRQL old;
    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);
    KeAcquireSpinLock(&gLock, &old);
    Log("read of %lu bytes at %u\n", Data->Iopb->Parameters.Read.Length, (ULONG)KeGetCurrentIrql());
    KeReleaseSpinLock(&gLock, old);
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_READ, 0, PreRead, NULL },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    KeInitializeSpinLock(&gLock);
    status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
