// Auditor: a filter below the learner's that writes one DbgPrint line for each completed read
// and write (in its post-operation callback, so at whatever IRQL completion happens).
#include <fltKernel.h>

PFLT_FILTER gFilter;
LONG gCompleted;

FLT_PREOP_CALLBACK_STATUS AuditorPre(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                     PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(Data);
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS AuditorPost(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                       PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) return FLT_POSTOP_FINISHED_PROCESSING;
  LONG n = InterlockedIncrement(&gCompleted);
  DbgPrint("Auditor: operation %d completed with 0x%08x\n", n, Data->IoStatus.Status);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
  { IRP_MJ_READ, 0, AuditorPre, AuditorPost },
  { IRP_MJ_WRITE, 0, AuditorPre, AuditorPost },
  { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
  sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
  if (NT_SUCCESS(status)) {
    status = FltStartFiltering(gFilter);
    if (!NT_SUCCESS(status)) FltUnregisterFilter(gFilter);
  }
  return status;
}
