// PassThrough: a filter that sees reads and writes and lets them pass, asking for a
// post-operation callback; a neighbour for the learner's filter in the playground's stack.
#include <fltKernel.h>

PFLT_FILTER gFilter;

FLT_PREOP_CALLBACK_STATUS PassThroughPre(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                         PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(Data);
  UNREFERENCED_PARAMETER(FltObjects);
  *CompletionContext = NULL;
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS PassThroughPost(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                           PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(Data);
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  UNREFERENCED_PARAMETER(Flags);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
  { IRP_MJ_READ, 0, PassThroughPre, PassThroughPost },
  { IRP_MJ_WRITE, 0, PassThroughPre, PassThroughPost },
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
