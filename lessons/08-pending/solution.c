/*++

Module Name:

    solution.c  (lesson 8: pending an operation, and completing it)

Abstract:

    An archive guard.  Every write is checked by a worker thread before it goes on (the
    check stands for work that can take long, like asking a service): the pre-write pends
    it (FLT_PREOP_PENDING) and queues a deferred I/O work item.  Writes to files under
    \Archive\ are denied; the others go on down the stack.  After a write, the post-write
    pends its completion (FLT_POSTOP_MORE_PROCESSING_REQUIRED) until a worker thread has
    logged it with the file's name, so that no write reaches the application unlogged.

    A pended operation stays where it is until the filter hands it back: every path of the
    check worker ends in FltCompletePendedPreOperation (FLT_PREOP_COMPLETE to deny,
    FLT_PREOP_SUCCESS_WITH_CALLBACK to send the write on with a post-write), and the log
    worker ends in FltCompletePendedPostOperation.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

UNICODE_STRING gArchiveDir = RTL_CONSTANT_STRING( L"\\Archive\\" );

DRIVER_INITIALIZE DriverEntry;

NTSTATUS ArUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
ArPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
ArPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

VOID
ArCheckWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    );

VOID
ArLogWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    );

//
//  The work routines run at PASSIVE_LEVEL and may be paged.  The post-write may not.
//

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ArUnload)
#pragma alloc_text(PAGE, ArPreWrite)
#pragma alloc_text(PAGE, ArCheckWorker)
#pragma alloc_text(PAGE, ArLogWorker)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_WRITE,
      FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO,
      ArPreWrite,
      ArPostWrite },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    ArUnload,                           //  MiniFilterUnload
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
ArUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
ArPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Pends every IRP write and queues it to a worker thread for the check.

--*/
{
    PFLT_DEFERRED_IO_WORKITEM workItem;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    //
    //  Only IRP operations can be pended.  A fast I/O write that is turned down comes back
    //  as an IRP.
    //

    if (FLT_IS_FASTIO_OPERATION( Data )) {

        return FLT_PREOP_DISALLOW_FASTIO;
    }

    //
    //  The write goes on from a worker thread, in another process: lock the caller's
    //  buffer now, in the caller's context.
    //

    status = FltLockUserBuffer( Data );

    if (!NT_SUCCESS( status )) {

        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }

    workItem = FltAllocateDeferredIoWorkItem();

    if (workItem == NULL) {

        Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }

    status = FltQueueDeferredIoWorkItem( workItem,
                                         Data,
                                         ArCheckWorker,
                                         DelayedWorkQueue,
                                         NULL );

    if (!NT_SUCCESS( status )) {

        //
        //  STATUS_FLT_NOT_SAFE_TO_POST_OPERATION (recursive I/O) or
        //  STATUS_FLT_DELETING_OBJECT: not checked.
        //

        FltFreeDeferredIoWorkItem( workItem );
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    return FLT_PREOP_PENDING;
}

VOID
ArCheckWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL in a system worker thread.  Denies writes to files under
    \Archive\ and lets the others go on; either way it hands the write back to FltMgr.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    BOOLEAN archived = FALSE;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( Context );

    PAGED_CODE();

    FltFreeDeferredIoWorkItem( WorkItem );

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        status = FltParseFileNameInformation( nameInfo );

        if (NT_SUCCESS( status )) {

            archived = RtlPrefixUnicodeString( &gArchiveDir, &nameInfo->ParentDir, TRUE );
        }

        FltReleaseFileNameInformation( nameInfo );
    }

    if (!archived) {

        //
        //  Not archived: the write goes on down the stack, from this thread, and
        //  ArPostWrite is called when it completes.
        //

        FltCompletePendedPreOperation( Data, FLT_PREOP_SUCCESS_WITH_CALLBACK, NULL );
        return;
    }

    DbgPrint( "Archive: write to an archived file denied\n" );

    Data->IoStatus.Status = STATUS_ACCESS_DENIED;
    Data->IoStatus.Information = 0;

    FltCompletePendedPreOperation( Data, FLT_PREOP_COMPLETE, NULL );
}

FLT_POSTOP_CALLBACK_STATUS
ArPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread.  Keeps the write from completing until
    a worker thread has logged it.

--*/
{
    PFLT_DEFERRED_IO_WORKITEM workItem;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    //
    //  Never pend a drained operation, and do not log writes that failed.
    //

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    workItem = FltAllocateDeferredIoWorkItem();

    if (workItem == NULL) {

        DbgPrint( "Archive: no work item, write not logged\n" );
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltQueueDeferredIoWorkItem( workItem,
                                         Data,
                                         ArLogWorker,
                                         DelayedWorkQueue,
                                         NULL );

    if (!NT_SUCCESS( status )) {

        FltFreeDeferredIoWorkItem( workItem );
        DbgPrint( "Archive: cannot post (0x%08x), write not logged\n", status );
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    return FLT_POSTOP_MORE_PROCESSING_REQUIRED;
}

VOID
ArLogWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL in a system worker thread: logs the write with the file's name,
    then lets FltMgr finish completing it.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( Context );

    PAGED_CODE();

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        DbgPrint( "Archive: %Iu bytes written to %wZ\n",
                  Data->IoStatus.Information,
                  &nameInfo->Name );

        FltReleaseFileNameInformation( nameInfo );
    }

    FltCompletePendedPostOperation( Data );

    FltFreeDeferredIoWorkItem( WorkItem );
}
