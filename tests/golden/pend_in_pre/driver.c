/*++

Module Name:

    driver.c  (golden trace: pend_in_pre)

Abstract:

    A minifilter that pends reads in its pre-operation callback and decides in a system
    worker thread whether each read may go on: reads of files under \Quarantine\ are failed
    with STATUS_ACCESS_DENIED, the others continue down the stack.  The decision stands for
    work that can take long (asking a service, recalling a file): pending frees the reader's
    thread instead of blocking it in the pre-operation callback.

    What it demonstrates:
      - FLT_PREOP_PENDING with the documented recipe: FltLockUserBuffer first (the worker runs
        in the System process, where the caller's user address means nothing), then
        FltAllocateDeferredIoWorkItem + FltQueueDeferredIoWorkItem;
      - the work routine at PASSIVE_LEVEL in a worker thread: FltGetFileNameInformation,
        FltFreeDeferredIoWorkItem, then FltCompletePendedPreOperation with either
        FLT_PREOP_SUCCESS_NO_CALLBACK (the read goes on, from the worker thread) or
        FLT_PREOP_COMPLETE with STATUS_ACCESS_DENIED;
      - the failures a pending filter must handle: no work item (fail the read with
        STATUS_INSUFFICIENT_RESOURCES), and FltQueueDeferredIoWorkItem refusing to post
        (STATUS_FLT_NOT_SAFE_TO_POST_OPERATION when the thread has a top-level IRP: the read
        is checked no further and passes);
      - fast I/O cannot be pended: FLT_PREOP_DISALLOW_FASTIO sends it back as an IRP;
      - paging I/O skipped at registration (it may not be posted either).

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

UNICODE_STRING gQuarantineDir = RTL_CONSTANT_STRING( L"\\Quarantine\\" );

DRIVER_INITIALIZE DriverEntry;

NTSTATUS PpUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
PpPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

VOID
PpReadWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, PpUnload)
#pragma alloc_text(PAGE, PpPreRead)
#pragma alloc_text(PAGE, PpReadWorker)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_READ,
      FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO,
      PpPreRead,
      NULL },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    PpUnload,                           //  MiniFilterUnload
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
PpUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
PpPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Pends every IRP read and queues it to a worker thread.

--*/
{
    PFLT_DEFERRED_IO_WORKITEM workItem;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    //
    //  Only IRP operations can be pended.  Fast I/O is turned down: the I/O manager sends
    //  the read again as an IRP.
    //

    if (FLT_IS_FASTIO_OPERATION( Data )) {

        return FLT_PREOP_DISALLOW_FASTIO;
    }

    //
    //  The worker thread runs in another process: lock the caller's buffer now, in the
    //  caller's context (this also marks the callback data dirty).
    //

    status = FltLockUserBuffer( Data );

    if (!NT_SUCCESS( status )) {

        Data->IoStatus.Status = status;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }

    workItem = FltAllocateDeferredIoWorkItem();

    if (workItem == NULL) {

        DbgPrint( "PendPre!PpPreRead: no work item, failing the read\n" );

        Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }

    status = FltQueueDeferredIoWorkItem( workItem,
                                         Data,
                                         PpReadWorker,
                                         DelayedWorkQueue,
                                         NULL );

    if (!NT_SUCCESS( status )) {

        //
        //  STATUS_FLT_NOT_SAFE_TO_POST_OPERATION (recursive I/O, a top-level IRP) or
        //  STATUS_FLT_DELETING_OBJECT (the instance is going away): let the read through.
        //

        DbgPrint( "PendPre!PpPreRead: cannot post the read (0x%08x), letting it through\n", status );

        FltFreeDeferredIoWorkItem( workItem );
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    DbgPrint( "PendPre!PpPreRead: read pended\n" );

    return FLT_PREOP_PENDING;
}

VOID
PpReadWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL in a system worker thread.  Decides, then hands the read back to
    FltMgr with FltCompletePendedPreOperation.  The work item is freed first: nothing of it is
    needed after the decision.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    FLT_PREOP_CALLBACK_STATUS callbackStatus = FLT_PREOP_SUCCESS_NO_CALLBACK;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( Context );

    PAGED_CODE();

    FltFreeDeferredIoWorkItem( WorkItem );

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        status = FltParseFileNameInformation( nameInfo );

        if (NT_SUCCESS( status ) &&
            RtlPrefixUnicodeString( &gQuarantineDir, &nameInfo->ParentDir, TRUE )) {

            Data->IoStatus.Status = STATUS_ACCESS_DENIED;
            Data->IoStatus.Information = 0;
            callbackStatus = FLT_PREOP_COMPLETE;
        }

        DbgPrint( "PendPre!PpReadWorker: %wZ: %s\n",
                  &nameInfo->Name,
                  callbackStatus == FLT_PREOP_COMPLETE ? "denied" : "allowed" );

        FltReleaseFileNameInformation( nameInfo );
    }

    FltCompletePendedPreOperation( Data, callbackStatus, NULL );
}
