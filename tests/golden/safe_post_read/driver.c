/*++

Module Name:

    driver.c  (golden trace: safe_post_read)

Abstract:

    A read scanner: after each read completes, it looks for a signature in the data that was
    read and, if it finds it, fails the read with STATUS_VIRUS_INFECTED (the caller never gets
    the data) and logs the file's name.  Both need a safe IRQL: the caller's buffer is a user
    address (valid only in the caller's process, and pageable) and names can only be queried
    at IRQL <= APC_LEVEL, while the post-read can run at DISPATCH_LEVEL in a DPC.

    What it demonstrates:
      - FltDoCompletionProcessingWhenSafe from the post-read: below DISPATCH_LEVEL it calls
        the safe callback at once, in the same thread, and returns TRUE with the callback's
        status; at DISPATCH_LEVEL it posts the callback to a worker thread and returns TRUE
        with FLT_POSTOP_MORE_PROCESSING_REQUIRED, which the post-read must return; for paging
        I/O at DISPATCH_LEVEL it cannot post and returns FALSE;
      - in the safe callback: FltLockUserBuffer (locks the caller's pages in the caller's
        process, whatever thread runs the callback) and MmGetSystemAddressForMdlSafe;
      - failing a successful read in a post-operation callback: a new IoStatus and
        FLT_POSTOP_FINISHED_PROCESSING;
      - fast I/O turned down (FLT_PREOP_DISALLOW_FASTIO): FltDoCompletionProcessingWhenSafe is
        for IRP operations only, so reads are scanned as IRPs.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

#ifndef STATUS_VIRUS_INFECTED
#define STATUS_VIRUS_INFECTED ((NTSTATUS)0xC0000906L)
#endif

PFLT_FILTER gFilterHandle;

//
//  The signature: the first bytes of the EICAR anti-virus test file.
//

CONST UCHAR gSignature[] = "X5O!P%@AP";
#define SIGNATURE_LENGTH (sizeof( gSignature ) - 1)

DRIVER_INITIALIZE DriverEntry;

NTSTATUS RsUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
RsPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
RsPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_POSTOP_CALLBACK_STATUS
RsPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

BOOLEAN
RsContainsSignature (
    _In_reads_bytes_(Length) PUCHAR Buffer,
    _In_ ULONG Length
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, RsUnload)
#pragma alloc_text(PAGE, RsPreRead)
#pragma alloc_text(PAGE, RsPostReadWhenSafe)
#pragma alloc_text(PAGE, RsContainsSignature)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_READ,
      0,
      RsPreRead,
      RsPostRead },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    RsUnload,                           //  MiniFilterUnload
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
RsUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
RsPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    if (FLT_IS_FASTIO_OPERATION( Data )) {

        return FLT_PREOP_DISALLOW_FASTIO;
    }

    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
RsPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread.  The scan itself happens in
    RsPostReadWhenSafe.

--*/
{
    FLT_POSTOP_CALLBACK_STATUS retValue = FLT_POSTOP_FINISHED_PROCESSING;

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status ) ||
        Data->IoStatus.Information == 0) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    DbgPrint( "ReadScan!RsPostRead: %u bytes read, IRQL %u\n",
              (ULONG)Data->IoStatus.Information,
              KeGetCurrentIrql() );

    if (!FltDoCompletionProcessingWhenSafe( Data,
                                            FltObjects,
                                            CompletionContext,
                                            Flags,
                                            RsPostReadWhenSafe,
                                            &retValue )) {

        //
        //  The completion could not be posted (paging I/O at DISPATCH_LEVEL).  Paging reads
        //  bring in data of a file that was already opened and read; they are not scanned.
        //

        DbgPrint( "ReadScan!RsPostRead: cannot scan at IRQL %u, not scanned\n",
                  KeGetCurrentIrql() );

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    return retValue;
}

BOOLEAN
RsContainsSignature (
    _In_reads_bytes_(Length) PUCHAR Buffer,
    _In_ ULONG Length
    )
{
    ULONG i;

    PAGED_CODE();

    if (Length < SIGNATURE_LENGTH) {

        return FALSE;
    }

    for (i = 0; i + SIGNATURE_LENGTH <= Length; i += 1) {

        if (RtlEqualMemory( &Buffer[i], gSignature, SIGNATURE_LENGTH )) {

            return TRUE;
        }
    }

    return FALSE;
}

FLT_POSTOP_CALLBACK_STATUS
RsPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Called at IRQL <= APC_LEVEL by FltDoCompletionProcessingWhenSafe, either inline or in a
    worker thread.  Scans the data that was read.

--*/
{
    PFLT_IO_PARAMETER_BLOCK iopb = Data->Iopb;
    PFLT_FILE_NAME_INFORMATION nameInfo;
    PUCHAR buffer;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    //
    //  Lock the caller's buffer (a no-op if it already has an MDL) and map it.
    //

    status = FltLockUserBuffer( Data );

    if (!NT_SUCCESS( status )) {

        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    buffer = MmGetSystemAddressForMdlSafe( iopb->Parameters.Read.MdlAddress,
                                           NormalPagePriority | MdlMappingNoExecute );

    if (buffer == NULL) {

        Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Data->IoStatus.Information = 0;
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (!RsContainsSignature( buffer, (ULONG)Data->IoStatus.Information )) {

        DbgPrint( "ReadScan!RsPostReadWhenSafe: clean, IRQL %u\n", KeGetCurrentIrql() );
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    //
    //  Infected: wipe what the caller got and fail the read.
    //

    RtlZeroMemory( buffer, Data->IoStatus.Information );
    Data->IoStatus.Status = STATUS_VIRUS_INFECTED;
    Data->IoStatus.Information = 0;

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        DbgPrint( "ReadScan!RsPostReadWhenSafe: signature found in %wZ, read failed\n",
                  &nameInfo->Name );

        FltReleaseFileNameInformation( nameInfo );
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}
