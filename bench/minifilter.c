/* minifilter.c: the benchmark's filter in the driver language (bench/README.md). The bench
 * prepends "#define FILTER_INDEX n" (0 = the top of the stack) and loads four of them. */
#include <fltKernel.h>

#ifndef FILTER_INDEX
#define FILTER_INDEX 0
#endif

typedef struct _COUNTERS {
  ULONG Creates, Reads, Writes, Others, Errors, WriteThrough;
} COUNTERS;

PFLT_FILTER gFilter;
COUNTERS gCounters;

static NTSTATUS CheckWrite(ULONG Length) {
  if ((Length & 0x30) == 0x30) return STATUS_ACCESS_DENIED;
  return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS PreOperation(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                       PVOID *CompletionContext) {
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  UCHAR major = Data->Iopb->MajorFunction;
  if (major == IRP_MJ_CREATE) {
    ULONG options = Data->Iopb->Parameters.Create.Options & 0x00FFFFFF;
    if (FlagOn(options, FILE_WRITE_THROUGH)) gCounters.WriteThrough++;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
  }
  if (major == IRP_MJ_WRITE) {
    ULONG length = Data->Iopb->Parameters.Write.Length;
    if (FLT_IS_IRP_OPERATION(Data) && (length & 0xF) == 0xF && FILTER_INDEX == 2) {
      NTSTATUS status = CheckWrite(length);
      if (!NT_SUCCESS(status)) {
        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
      }
    }
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
  }
  if (major == IRP_MJ_READ) {
    if (Data->Iopb->Parameters.Read.Length > 256) return FLT_PREOP_SUCCESS_WITH_CALLBACK;
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
  }
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS PostOperation(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                         PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags) {
  UNREFERENCED_PARAMETER(FltObjects);
  UNREFERENCED_PARAMETER(CompletionContext);
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) return FLT_POSTOP_FINISHED_PROCESSING;
  if (NT_ERROR(Data->IoStatus.Status)) {
    gCounters.Errors++;
    return FLT_POSTOP_FINISHED_PROCESSING;
  }
  switch (Data->Iopb->MajorFunction) {
    case IRP_MJ_READ: gCounters.Reads++; break;
    case IRP_MJ_WRITE: gCounters.Writes++; break;
    case IRP_MJ_CREATE: gCounters.Creates++; break;
    default: gCounters.Others++; break;
  }
  return FLT_POSTOP_FINISHED_PROCESSING;
}

NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags) {
  UNREFERENCED_PARAMETER(Flags);
  DbgPrint("counters %lu %lu %lu %lu %lu %lu\n", gCounters.Creates, gCounters.Reads, gCounters.Writes,
           gCounters.Others, gCounters.Errors, gCounters.WriteThrough);
  FltUnregisterFilter(gFilter);
  return STATUS_SUCCESS;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
  { IRP_MJ_CREATE, 0, PreOperation, PostOperation },
  { IRP_MJ_READ, 0, PreOperation, PostOperation },
  { IRP_MJ_WRITE, 0, PreOperation, PostOperation },
  { IRP_MJ_QUERY_INFORMATION, 0, PreOperation, PostOperation },
  { IRP_MJ_CLEANUP, 0, PreOperation, PostOperation },
  { IRP_MJ_CLOSE, 0, PreOperation, PostOperation },
  { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
  sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks, Unload,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  NTSTATUS status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
  if (!NT_SUCCESS(status)) return status;
  status = FltStartFiltering(gFilter);
  if (!NT_SUCCESS(status)) FltUnregisterFilter(gFilter);
  return status;
}
