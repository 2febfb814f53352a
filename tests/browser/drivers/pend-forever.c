// Pends every read in its pre-operation callback and never completes it: a hang (PRE-PEND-3).
#include <fltKernel.h>
PFLT_FILTER gFilter;
FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(Data); UNREFERENCED_PARAMETER(FltObjects); UNREFERENCED_PARAMETER(CompletionContext);
  return FLT_PREOP_PENDING;
}
CONST FLT_OPERATION_REGISTRATION Callbacks[] = { { IRP_MJ_READ, 0, PreRead, NULL }, { IRP_MJ_OPERATION_END } };
CONST FLT_REGISTRATION Registration = { sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
  if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
  return status;
}
