/*++

Module Name:

    starter.c  (lesson 7: FltDoCompletionProcessingWhenSafe)

Abstract:

    A read scanner: after each read, it looks for a signature in the data that was read
    and, if it finds it, wipes the data and fails the read with STATUS_ACCESS_DENIED.

    Reaching the caller's buffer needs IRQL <= APC_LEVEL: FltLockUserBuffer locks it and
    builds an MDL, which MmGetSystemAddressForMdlSafe maps.  RsPostReadWhenSafe does that
    and the scan.  But the post-read calls it directly, whatever IRQL the post-read runs at,
    and a post-read can run at DISPATCH_LEVEL in a DPC.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

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
    _In_ ULONG_PTR Length
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, RsUnload)
#pragma alloc_text(PAGE, RsPreRead)
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
    UNREFERENCED_PARAMETER( Data );
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

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

    Runs at IRQL <= DISPATCH_LEVEL in any thread.

--*/
{
    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status ) ||
        Data->IoStatus.Information == 0) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    return RsPostReadWhenSafe( Data, FltObjects, CompletionContext, Flags );
}

BOOLEAN
RsContainsSignature (
    _In_reads_bytes_(Length) PUCHAR Buffer,
    _In_ ULONG_PTR Length
    )
{
    ULONG_PTR i;

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

    Scans the data that was read.  Needs IRQL <= APC_LEVEL: FltLockUserBuffer.

--*/
{
    PUCHAR buffer;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );
    UNREFERENCED_PARAMETER( Flags );

    //
    //  Lock the caller's buffer (nothing to do if it already has an MDL) and map it.
    //

    status = FltLockUserBuffer( Data );

    if (!NT_SUCCESS( status )) {

        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    buffer = MmGetSystemAddressForMdlSafe( Data->Iopb->Parameters.Read.MdlAddress,
                                           NormalPagePriority | MdlMappingNoExecute );

    if (buffer == NULL) {

        Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Data->IoStatus.Information = 0;
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (RsContainsSignature( buffer, Data->IoStatus.Information )) {

        //
        //  Infected: wipe what the caller got and fail the read.
        //

        RtlZeroMemory( buffer, Data->IoStatus.Information );
        Data->IoStatus.Status = STATUS_ACCESS_DENIED;
        Data->IoStatus.Information = 0;

        DbgPrint( "ReadScan: signature found, read denied (IRQL %u)\n", KeGetCurrentIrql() );

    } else {

        DbgPrint( "ReadScan: clean (IRQL %u)\n", KeGetCurrentIrql() );
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}
