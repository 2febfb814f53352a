// A pre-operation callback passes a structure built from the callback data to a helper and
// gets one back; it runs in the application's thread.
// expect: op 3 length 5
// expect thread app at line 25
#include <fltKernel.h>

typedef struct _OP_INFO { UCHAR Major; ULONG Length; } OP_INFO;

PFLT_FILTER gFilter;

OP_INFO Describe(PFLT_CALLBACK_DATA Data)
{
    OP_INFO i = { Data->Iopb->MajorFunction, 0 };
    if (i.Major == IRP_MJ_READ) i.Length = Data->Iopb->Parameters.Read.Length;
    return i;
}

VOID Report(OP_INFO i) { DbgPrint("op %u length %lu\n", i.Major, i.Length); }

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                  PVOID *CompletionContext)
{
    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);
    Report(Describe(Data));
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
    status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
    if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
    return status;
}
