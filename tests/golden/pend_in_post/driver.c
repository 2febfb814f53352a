/*++

Module Name:

    driver.c  (golden trace: pend_in_post)

Abstract:

    A write-auditing minifilter.  After each successful write it records which file was
    written.  The record needs the file's name, and names can only be queried at IRQL <=
    APC_LEVEL, while a post-write can run at DISPATCH_LEVEL in an arbitrary thread.  So the
    post-write pends the completion of the write (FLT_POSTOP_MORE_PROCESSING_REQUIRED), a
    worker thread writes the record at PASSIVE_LEVEL, and FltCompletePendedPostOperation lets
    the write complete to the application.

    What it demonstrates:
      - the documented recipe for pending in a post-operation callback:
        FltAllocateDeferredIoWorkItem, FltQueueDeferredIoWorkItem, then
        FLT_POSTOP_MORE_PROCESSING_REQUIRED; the work routine calls
        FltCompletePendedPostOperation and frees the work item;
      - what must be handled in the post-op: the DRAINING flag (never pend then), a failed
        write, no work item, and FltQueueDeferredIoWorkItem refusing paging I/O with
        STATUS_FLT_NOT_SAFE_TO_POST_OPERATION;
      - the application's write does not complete until the work routine has run.

    The porting guide's variant of this pattern (FltAllocateGenericWorkItem /
    FltQueueGenericWorkItem, with the buffer locked in the pre-op) is not in fltplay's model
    yet; the deferred I/O work item used here is the recipe of "Pending an I/O Operation in a
    Postoperation Callback Routine".

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

//
//  Audit counters (nonpaged globals, updated with interlocked operations: work routines can
//  run in parallel).
//

LONG gWritesAudited;
LONG gWritesNotAudited;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS AwUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
AwPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
AwPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

VOID
AwAuditWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    );

//
//  The work routine runs at PASSIVE_LEVEL and may be paged.  The post-write may not.
//

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, AwUnload)
#pragma alloc_text(PAGE, AwAuditWorker)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_WRITE,
      0,
      AwPreWrite,
      AwPostWrite },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    AwUnload,                           //  MiniFilterUnload
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
AwUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
AwPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Only IRP writes can have their completion pended; fast I/O writes are not audited.

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (!FLT_IS_IRP_OPERATION( Data )) {

        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
AwPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread.  Hands the audit record to a worker
    thread and keeps the write from completing until it is written.

--*/
{
    PFLT_DEFERRED_IO_WORKITEM workItem;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    //
    //  Never pend a drained operation, and do not audit writes that failed.
    //

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    workItem = FltAllocateDeferredIoWorkItem();

    if (workItem == NULL) {

        InterlockedIncrement( &gWritesNotAudited );
        DbgPrint( "AuditWrite!AwPostWrite: no work item, write not audited\n" );
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltQueueDeferredIoWorkItem( workItem,
                                         Data,
                                         AwAuditWorker,
                                         DelayedWorkQueue,
                                         NULL );

    if (!NT_SUCCESS( status )) {

        //
        //  Paging I/O, a top-level IRP or a teardown: this completion cannot be posted.
        //

        FltFreeDeferredIoWorkItem( workItem );
        InterlockedIncrement( &gWritesNotAudited );
        DbgPrint( "AuditWrite!AwPostWrite: cannot post (0x%08x) at IRQL %u, write not audited\n",
                  status,
                  KeGetCurrentIrql() );
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    DbgPrint( "AuditWrite!AwPostWrite: completion pended at IRQL %u\n", KeGetCurrentIrql() );

    return FLT_POSTOP_MORE_PROCESSING_REQUIRED;
}

VOID
AwAuditWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM WorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL in a system worker thread: writes the audit record, then lets
    FltMgr finish completing the write.

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

        DbgPrint( "AuditWrite!AwAuditWorker: process %u wrote %u bytes to %wZ\n",
                  FltGetRequestorProcessId( Data ),
                  (ULONG)Data->IoStatus.Information,
                  &nameInfo->Name );

        FltReleaseFileNameInformation( nameInfo );
        InterlockedIncrement( &gWritesAudited );

    } else {

        InterlockedIncrement( &gWritesNotAudited );
    }

    FltCompletePendedPostOperation( Data );

    FltFreeDeferredIoWorkItem( WorkItem );
}
