// Keeps the read's length in a nonpaged pool block handed to the post-read as its
// CompletionContext, and formats a note in a paged pool buffer it frees at once.
#include <fltKernel.h>
PFLT_FILTER gFilter;
FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(FltObjects);
  PCHAR note = ExAllocatePoolWithTag(PagedPool, 64, 'etoN');
  if (note) ExFreePoolWithTag(note, 'etoN');
  PULONG length = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(ULONG), 'neLR');
  if (!length) return FLT_PREOP_SUCCESS_NO_CALLBACK;
  *length = Data->Iopb->Parameters.Read.Length;
  *CompletionContext = length;
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}
FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(Flags);
  ExFreePoolWithTag(CompletionContext, 'neLR');
  return FLT_POSTOP_FINISHED_PROCESSING;
}
CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, PostRead }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
  if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
  return status;
}
