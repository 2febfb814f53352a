// The swap-buffers technique on reads: the pre-read gives the file system a buffer of the
// filter's own (nonpaged pool, with an MDL), the post-read copies the data back into the
// application's buffer and frees it. With pending completion the post-read runs at
// DISPATCH_LEVEL, where the user buffer cannot be touched: it defers the copy with
// FltDoCompletionProcessingWhenSafe, and writes through the system address of the user
// buffer's MDL (FltLockUserBuffer made it): a worker thread is in another process.
// scenario completion: pending
// scenario length: 11
// expect: swapped 11 bytes
// expect: copied back: hello world
// expect status read STATUS_SUCCESS
#include <fltKernel.h>

#define SWAP_TAG 'pawS'

typedef struct _SWAP_CONTEXT {
    PVOID NewBuffer;
    PMDL NewMdl;
    PVOID OriginalBuffer;
    PMDL OriginalMdl;
    ULONG Length;
} SWAP_CONTEXT, *PSWAP_CONTEXT;

PFLT_FILTER gFilter;

VOID Cleanup(PSWAP_CONTEXT ctx)
{
    if (ctx->NewMdl) IoFreeMdl(ctx->NewMdl);
    ExFreePoolWithTag(ctx->NewBuffer, SWAP_TAG);
    ExFreePoolWithTag(ctx, SWAP_TAG);
}

FLT_PREOP_CALLBACK_STATUS
SwapPreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID *CompletionContext)
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    PSWAP_CONTEXT ctx;
    ULONG length = iopb->Parameters.Read.Length;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(FltObjects);
    if (length == 0 || !FLT_IS_IRP_OPERATION(Data)) return FLT_PREOP_SUCCESS_NO_CALLBACK;

    /* the user buffer must stay reachable from the post-read's thread */
    status = FltLockUserBuffer(Data);
    if (!NT_SUCCESS(status)) return FLT_PREOP_SUCCESS_NO_CALLBACK;

    ctx = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SWAP_CONTEXT), SWAP_TAG);
    if (!ctx) return FLT_PREOP_SUCCESS_NO_CALLBACK;
    RtlZeroMemory(ctx, sizeof(*ctx));
    ctx->NewBuffer = ExAllocatePoolWithTag(NonPagedPoolNx, length, SWAP_TAG);
    if (!ctx->NewBuffer) {
        ExFreePoolWithTag(ctx, SWAP_TAG);
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    ctx->NewMdl = IoAllocateMdl(ctx->NewBuffer, length, FALSE, FALSE, NULL);
    if (!ctx->NewMdl) {
        Cleanup(ctx);
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    MmBuildMdlForNonPagedPool(ctx->NewMdl);
    ctx->OriginalBuffer = iopb->Parameters.Read.ReadBuffer;
    ctx->OriginalMdl = iopb->Parameters.Read.MdlAddress;
    ctx->Length = length;

    iopb->Parameters.Read.ReadBuffer = ctx->NewBuffer;
    iopb->Parameters.Read.MdlAddress = ctx->NewMdl;
    FltSetCallbackDataDirty(Data);
    DbgPrint("swapped %u bytes\n", length);
    *CompletionContext = ctx;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
SwapPostReadWhenSafe(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext,
                     FLT_POST_OPERATION_FLAGS Flags)
{
    PSWAP_CONTEXT ctx = CompletionContext;
    CHAR shown[16] = { 0 };
    PVOID target;
    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(Flags);
    target = MmGetSystemAddressForMdlSafe(ctx->OriginalMdl, NormalPagePriority | MdlMappingNoExecute);
    if (!target) {
        Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Data->IoStatus.Information = 0;
        Cleanup(ctx);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    __try {
        RtlCopyMemory(target, ctx->NewBuffer, (ULONG)Data->IoStatus.Information);
        RtlCopyMemory(shown, ctx->NewBuffer, min((ULONG)Data->IoStatus.Information, 15));
        DbgPrint("copied back: %s\n", shown);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Data->IoStatus.Status = GetExceptionCode();
        Data->IoStatus.Information = 0;
    }
    Cleanup(ctx);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_POSTOP_CALLBACK_STATUS
SwapPostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects, PVOID CompletionContext,
             FLT_POST_OPERATION_FLAGS Flags)
{
    PSWAP_CONTEXT ctx = CompletionContext;
    FLT_POSTOP_CALLBACK_STATUS status = FLT_POSTOP_FINISHED_PROCESSING;

    /* the file system saw our buffer; the application's is the one to fill */
    Data->Iopb->Parameters.Read.ReadBuffer = ctx->OriginalBuffer;
    Data->Iopb->Parameters.Read.MdlAddress = ctx->OriginalMdl;
    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) || !NT_SUCCESS(Data->IoStatus.Status)) {
        Cleanup(ctx);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    if (!FltDoCompletionProcessingWhenSafe(Data, FltObjects, CompletionContext, Flags, SwapPostReadWhenSafe, &status)) {
        Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
        Data->IoStatus.Information = 0;
        Cleanup(ctx);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    return status;
}

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {
    { IRP_MJ_READ, 0, SwapPreRead, SwapPostRead },
    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {
    sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0, NULL, Callbacks,
};

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = FltRegisterFilter(DriverObject, &FilterRegistration, &gFilter);
    if (NT_SUCCESS(status)) {
        status = FltStartFiltering(gFilter);
        if (!NT_SUCCESS(status)) FltUnregisterFilter(gFilter);
    }
    return status;
}
