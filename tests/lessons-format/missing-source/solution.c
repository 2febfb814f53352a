// A pass-through filter on reads and writes (tests/cli).
#include <fltKernel.h>

PFLT_FILTER gFilter;

FLT_PREOP_CALLBACK_STATUS PreOp(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *Context) {
  UNREFERENCED_PARAMETER(Data);
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(Context);
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS PostOp(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID Context,
                                  FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(Data);
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(Flags);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
  { IRP_MJ_READ, 0, PreOp, PostOp },
  { IRP_MJ_WRITE, 0, PreOp, PostOp },
  { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION Registration = {
  sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &Registration, &gFilter);
  if (NT_SUCCESS(status)) status = FltStartFiltering(gFilter);
  return status;
}
