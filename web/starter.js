// The driver a new learner finds in the editor: a minifilter that watches reads, ready to run.
export const STARTER = `// A first minifilter: it watches reads on the volume.
// Press Run (Ctrl+Enter), then step through the trace and watch which callback runs,
// in which thread, at which IRQL.
#include <fltKernel.h>

PFLT_FILTER gFilterHandle;

FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                  PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(FltObjects);
  *CompletionContext = NULL;
  DbgPrint("PreRead: %u bytes at IRQL %d\\n", Data->Iopb->Parameters.Read.Length, KeGetCurrentIrql());
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                    PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) return FLT_POSTOP_FINISHED_PROCESSING;
  // Where does this run? Compare the "pending" variant with the "inline" one.
  DbgPrint("PostRead: status 0x%08x at IRQL %d\\n", Data->IoStatus.Status, KeGetCurrentIrql());
  return FLT_POSTOP_FINISHED_PROCESSING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
  { IRP_MJ_READ, 0, PreRead, PostRead },
  { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
  sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilterHandle);
  if (NT_SUCCESS(status)) {
    status = FltStartFiltering(gFilterHandle);
    if (!NT_SUCCESS(status)) FltUnregisterFilter(gFilterHandle);
  }
  return status;
}
`;
