// Hands its post-read work to FltDoCompletionProcessingWhenSafe: inline at PASSIVE_LEVEL,
// posted to a worker thread when completion comes at DISPATCH_LEVEL.
#include <fltKernel.h>
PFLT_FILTER gFilter;
FLT_POSTOP_CALLBACK_STATUS SafePostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(CompletionContext); UNREFERENCED_PARAMETER(Flags);
  DbgPrint("SafePostRead at IRQL %d, status 0x%08x\n", KeGetCurrentIrql(), Data->IoStatus.Status);
  return FLT_POSTOP_FINISHED_PROCESSING;
}
FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); *CompletionContext = NULL;
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}
FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  FLT_POSTOP_CALLBACK_STATUS status = FLT_POSTOP_FINISHED_PROCESSING;
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) return status;
  if (!FltDoCompletionProcessingWhenSafe(Data, FltObjects, CompletionContext, Flags, SafePostRead, &status)) {
    Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
    Data->IoStatus.Information = 0;
  }
  return status;
}
CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
  if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
  return status;
}
