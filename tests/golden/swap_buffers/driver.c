/*++

Module Name:

    driver.c  (golden trace: swap_buffers)

Abstract:

    A buffer-swapping minifilter for IRP_MJ_READ, the pattern encryption and compression
    filters are built on: the file system reads into a buffer the filter owns, and the
    filter copies the data (where it could transform it) into the caller's buffer on the way
    back up.

    What it demonstrates:
      - in the pre-read: a nonpaged buffer (rounded up to whole sectors for non-cached and
        paging I/O) and, for IRP operations, an MDL describing it (IoAllocateMdl +
        MmBuildMdlForNonPagedPool), swapped into Iopb->Parameters.Read with
        FltSetCallbackDataDirty so that FltMgr and the file system see the change;
      - a completion context (nonpaged) that carries the swapped buffer to the post-read: the
        post-operation callback sees the ORIGINAL parameters, not the swapped ones;
      - in the post-read, the documented order for reaching the caller's buffer at any IRQL:
        an MDL (MmGetSystemAddressForMdlSafe), else a system buffer or fast I/O (the address
        itself), else a user buffer, which cannot be touched at DISPATCH_LEVEL in an
        arbitrary thread: FltDoCompletionProcessingWhenSafe hands the copy to a callback that
        runs at a safe IRQL (inline below DISPATCH_LEVEL, or in a worker thread), where
        FltLockUserBuffer and MmGetSystemAddressForMdlSafe reach it;
      - everything the post-read path touches is nonpaged (code and data), so memory
        pressure at DISPATCH_LEVEL changes nothing.

    The swapped-in MDL is not freed by the filter: FltMgr frees it when the post-operation
    callback returns.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>
#include <suppress.h>

#pragma prefast(disable:__WARNING_ENCODE_MEMBER_FUNCTION_POINTER, "Not valid for kernel mode drivers")

//
//  Pool tags
//

#define SWAP_BUFFER_TAG     'bSwS'
#define SWAP_CONTEXT_TAG    'cSwS'

//
//  The volume's sector size.  A production filter reads it from the volume properties when
//  its instance attaches and keeps it in a volume context.
//

#define SWAP_SECTOR_SIZE    0x200

//
//  State passed from the pre-read to the post-read (and to the safe post-read callback).
//  Allocated from nonpaged pool: the post-read can run at DISPATCH_LEVEL.
//

typedef struct _SWAP_READ_CONTEXT {

    PVOID SwappedBuffer;        //  the buffer the file system reads into
    ULONG SwappedLength;        //  its size (the read length, rounded up for non-cached I/O)

} SWAP_READ_CONTEXT, *PSWAP_READ_CONTEXT;

PFLT_FILTER gFilterHandle;

//
//  Prototypes
//

DRIVER_INITIALIZE DriverEntry;

NTSTATUS SwapUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
SwapPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
SwapPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_POSTOP_CALLBACK_STATUS
SwapPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

VOID SwapFreeReadContext ( _In_ PSWAP_READ_CONTEXT Context );

//
//  Only initialization and unload are pageable.  The pre-read stays resident too: it runs
//  at APC_LEVEL for paging I/O.  The post-read path can run at DISPATCH_LEVEL.
//

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SwapUnload)
#pragma alloc_text(PAGE, SwapPostReadWhenSafe)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_READ,
      0,
      SwapPreRead,
      SwapPostRead },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    SwapUnload,                         //  MiniFilterUnload
    NULL,                               //  InstanceSetup
    NULL,                               //  InstanceQueryTeardown
    NULL,                               //  InstanceTeardownStart
    NULL,                               //  InstanceTeardownComplete
    NULL,                               //  GenerateFileName
    NULL,                               //  GenerateDestinationFileName
    NULL                                //  NormalizeNameComponent
};

NTSTATUS
DriverEntry (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;

    UNREFERENCED_PARAMETER( RegistryPath );

    status = FltRegisterFilter( DriverObject,
                                &FilterRegistration,
                                &gFilterHandle );

    if (NT_SUCCESS( status )) {

        status = FltStartFiltering( gFilterHandle );

        if (!NT_SUCCESS( status )) {

            FltUnregisterFilter( gFilterHandle );
        }
    }

    return status;
}

NTSTATUS
SwapUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

VOID
SwapFreeReadContext (
    _In_ PSWAP_READ_CONTEXT Context
    )
/*++

Routine Description:

    Frees the swapped buffer and the context.  Callable at DISPATCH_LEVEL: both are
    nonpaged.

--*/
{
    ExFreePoolWithTag( Context->SwappedBuffer, SWAP_BUFFER_TAG );
    ExFreePoolWithTag( Context, SWAP_CONTEXT_TAG );
}

FLT_PREOP_CALLBACK_STATUS
SwapPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Swaps a buffer of our own into the read.  Any failure leaves the read alone (no swap, no
    post-operation callback): the caller still gets its data.

--*/
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    PSWAP_READ_CONTEXT readContext = NULL;
    PVOID newBuffer = NULL;
    PMDL newMdl = NULL;
    ULONG readLength;

    UNREFERENCED_PARAMETER( FltObjects );

    *CompletionContext = NULL;

    readLength = iopb->Parameters.Read.Length;

    if (readLength == 0) {

        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    //
    //  Non-cached and paging I/O move whole sectors: a buffer of exactly the requested
    //  length could be overrun by the file system.
    //

    if (FlagOn( iopb->IrpFlags, IRP_NOCACHE | IRP_PAGING_IO )) {

        readLength = (ULONG)ROUND_TO_SIZE( readLength, SWAP_SECTOR_SIZE );
    }

    newBuffer = ExAllocatePoolWithTag( NonPagedPoolNx, readLength, SWAP_BUFFER_TAG );

    if (newBuffer == NULL) {

        goto NoSwap;
    }

    //
    //  IRP operations get an MDL for the new buffer: a driver below may need one.  Fast I/O
    //  has no MDL.
    //

    if (FLT_IS_IRP_OPERATION( Data )) {

        newMdl = IoAllocateMdl( newBuffer, readLength, FALSE, FALSE, NULL );

        if (newMdl == NULL) {

            goto NoSwap;
        }

        MmBuildMdlForNonPagedPool( newMdl );
    }

    readContext = ExAllocatePoolWithTag( NonPagedPoolNx, sizeof( SWAP_READ_CONTEXT ), SWAP_CONTEXT_TAG );

    if (readContext == NULL) {

        goto NoSwap;
    }

    readContext->SwappedBuffer = newBuffer;
    readContext->SwappedLength = readLength;

    //
    //  Swap, and tell FltMgr the parameters changed.
    //

    iopb->Parameters.Read.ReadBuffer = newBuffer;
    iopb->Parameters.Read.MdlAddress = newMdl;
    FltSetCallbackDataDirty( Data );

    DbgPrint( "Swap!SwapPreRead: %u bytes at IRQL %u, %s, swapped buffer %p\n",
              readLength,
              KeGetCurrentIrql(),
              FLT_IS_FASTIO_OPERATION( Data ) ? "fast I/O" : "IRP",
              newBuffer );

    *CompletionContext = readContext;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;

NoSwap:

    if (newMdl != NULL) {

        IoFreeMdl( newMdl );
    }

    if (newBuffer != NULL) {

        ExFreePoolWithTag( newBuffer, SWAP_BUFFER_TAG );
    }

    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
SwapPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Copies what the file system read into the swapped buffer back to the caller's buffer.
    Runs at IRQL <= DISPATCH_LEVEL in any thread.  Data->Iopb shows the caller's original
    parameters here.

--*/
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    PSWAP_READ_CONTEXT readContext = CompletionContext;
    FLT_POSTOP_CALLBACK_STATUS retValue = FLT_POSTOP_FINISHED_PROCESSING;
    PVOID callerBuffer;
    BOOLEAN freeContext = TRUE;

    //
    //  FltMgr does not drain an operation whose buffers this instance swapped.
    //

    FLT_ASSERT( !FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) );

    DbgPrint( "Swap!SwapPostRead: status 0x%08x, %u bytes, IRQL %u\n",
              Data->IoStatus.Status,
              (ULONG)Data->IoStatus.Information,
              KeGetCurrentIrql() );

    __try {

        if (!NT_SUCCESS( Data->IoStatus.Status ) || Data->IoStatus.Information == 0) {

            __leave;
        }

        if (iopb->Parameters.Read.MdlAddress != NULL) {

            //
            //  The caller described its buffer with an MDL: a system address is valid in
            //  any thread, at DISPATCH_LEVEL too.
            //

            callerBuffer = MmGetSystemAddressForMdlSafe( iopb->Parameters.Read.MdlAddress,
                                                         NormalPagePriority | MdlMappingNoExecute );

            if (callerBuffer == NULL) {

                Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
                Data->IoStatus.Information = 0;
                __leave;
            }

        } else if (FLT_IS_SYSTEM_BUFFER( Data ) || FLT_IS_FASTIO_OPERATION( Data )) {

            //
            //  A system buffer is nonpaged; fast I/O post-ops run in the caller's thread at
            //  PASSIVE_LEVEL.  Either way the address can be used as it is.
            //

            callerBuffer = iopb->Parameters.Read.ReadBuffer;

        } else {

            //
            //  A user buffer: only valid in the caller's process, and pageable.  Finish the
            //  copy where it is safe.
            //

            if (FltDoCompletionProcessingWhenSafe( Data,
                                                   FltObjects,
                                                   CompletionContext,
                                                   Flags,
                                                   SwapPostReadWhenSafe,
                                                   &retValue )) {

                //
                //  The safe callback owns the context now (it may already have freed it).
                //

                freeContext = FALSE;

            } else {

                //
                //  Posting is not possible (paging I/O): fail the read rather than return
                //  data the caller never gets.
                //

                Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
                Data->IoStatus.Information = 0;
            }

            __leave;
        }

        __try {

            RtlCopyMemory( callerBuffer,
                           readContext->SwappedBuffer,
                           Data->IoStatus.Information );

        } __except (EXCEPTION_EXECUTE_HANDLER) {

            Data->IoStatus.Status = GetExceptionCode();
            Data->IoStatus.Information = 0;
        }

    } __finally {

        if (freeContext) {

            SwapFreeReadContext( readContext );
        }
    }

    return retValue;
}

FLT_POSTOP_CALLBACK_STATUS
SwapPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Called by FltDoCompletionProcessingWhenSafe at IRQL <= APC_LEVEL: inline when the
    post-read already ran below DISPATCH_LEVEL, otherwise in a worker thread (in the System
    process, where the caller's user address means nothing).  Locks the caller's buffer,
    which builds an MDL for it in the right process, and copies through a system address.

--*/
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    PSWAP_READ_CONTEXT readContext = CompletionContext;
    PVOID callerBuffer;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    DbgPrint( "Swap!SwapPostReadWhenSafe: IRQL %u\n", KeGetCurrentIrql() );

    status = FltLockUserBuffer( Data );

    if (!NT_SUCCESS( status )) {

        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;

    } else {

        callerBuffer = MmGetSystemAddressForMdlSafe( iopb->Parameters.Read.MdlAddress,
                                                     NormalPagePriority | MdlMappingNoExecute );

        if (callerBuffer == NULL) {

            Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
            Data->IoStatus.Information = 0;

        } else {

            RtlCopyMemory( callerBuffer,
                           readContext->SwappedBuffer,
                           Data->IoStatus.Information );
        }
    }

    SwapFreeReadContext( readContext );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
