/*++

Module Name:

    driver.c  (golden trace: drain_on_unload)

Abstract:

    An I/O tracker: for every read it keeps a small record from the pre-read to the
    post-read (the offset, the length, when it started), passed as the completion context,
    and counts the reads in flight.  The interesting part is what happens when the filter is
    unloaded while a read is still in the file system.

    What it demonstrates:
      - the unload path: FilterUnloadCallback (PASSIVE_LEVEL, fltmc unload) calls
        FltUnregisterFilter, which tears the instances down: InstanceTeardownStart, the
        draining of outstanding operations, then InstanceTeardownComplete, and only then
        does FltUnregisterFilter return and the driver image go away;
      - draining: FltMgr calls the post-read of the read still in flight with
        FLTFL_POST_OPERATION_DRAINING, at IRQL <= APC_LEVEL, with a copy of the callback
        data; the post-read must only release what it holds (the completion context) and
        return FLT_POSTOP_FINISHED_PROCESSING;
      - the drained read itself is not failed: it completes later, to the filters that
        remain, and this filter's post-read is not called again;
      - a nonpaged completion context freed on both paths, and an in-flight counter that
        reaches zero, so the unload leaves no pool behind (Driver Verifier checks that).

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

#define TRACK_TAG 'kcrT'

typedef struct _TRACK_RECORD {

    LARGE_INTEGER Offset;
    ULONG Length;
    ULONG Sequence;

} TRACK_RECORD, *PTRACK_RECORD;

PFLT_FILTER gFilterHandle;
LONG gReadsInFlight;
LONG gSequence;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS TkUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

NTSTATUS
TkInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    );

VOID
TkInstanceTeardownStart (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    );

VOID
TkInstanceTeardownComplete (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    );

FLT_PREOP_CALLBACK_STATUS
TkPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
TkPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, TkUnload)
#pragma alloc_text(PAGE, TkInstanceQueryTeardown)
#pragma alloc_text(PAGE, TkInstanceTeardownStart)
#pragma alloc_text(PAGE, TkInstanceTeardownComplete)
#pragma alloc_text(PAGE, TkPreRead)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_READ,
      0,
      TkPreRead,
      TkPostRead },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    TkUnload,                           //  MiniFilterUnload
    NULL,                               //  InstanceSetup
    TkInstanceQueryTeardown,            //  InstanceQueryTeardown
    TkInstanceTeardownStart,            //  InstanceTeardownStart
    TkInstanceTeardownComplete,         //  InstanceTeardownComplete
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
TkUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
/*++

Routine Description:

    Called at PASSIVE_LEVEL when the filter is unloaded.  FltUnregisterFilter returns only
    after every instance has been torn down (outstanding operations drained).

--*/
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    DbgPrint( "Tracker!TkUnload: %d read(s) in flight\n", gReadsInFlight );

    FltUnregisterFilter( gFilterHandle );

    DbgPrint( "Tracker!TkUnload: unregistered, %d read(s) in flight\n", gReadsInFlight );

    return STATUS_SUCCESS;
}

NTSTATUS
TkInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    return STATUS_SUCCESS;
}

VOID
TkInstanceTeardownStart (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    )
/*++

Routine Description:

    No new operations reach the instance from now on.  This filter pends nothing, so there
    is nothing to complete here; FltMgr drains the reads still in flight after this returns.

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );

    PAGED_CODE();

    DbgPrint( "Tracker!TkInstanceTeardownStart: reason 0x%x, %d read(s) in flight\n",
              Reason,
              gReadsInFlight );
}

VOID
TkInstanceTeardownComplete (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    )
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( Reason );

    PAGED_CODE();

    DbgPrint( "Tracker!TkInstanceTeardownComplete: %d read(s) in flight\n", gReadsInFlight );
}

FLT_PREOP_CALLBACK_STATUS
TkPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PTRACK_RECORD record;

    UNREFERENCED_PARAMETER( FltObjects );

    PAGED_CODE();

    //
    //  The record reaches the post-read, which may run at DISPATCH_LEVEL: nonpaged pool.
    //

    record = ExAllocatePoolZero( NonPagedPoolNx, sizeof( TRACK_RECORD ), TRACK_TAG );

    if (record == NULL) {

        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    record->Offset = Data->Iopb->Parameters.Read.ByteOffset;
    record->Length = Data->Iopb->Parameters.Read.Length;
    record->Sequence = (ULONG)InterlockedIncrement( &gSequence );

    InterlockedIncrement( &gReadsInFlight );

    *CompletionContext = record;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
TkPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread, or, when draining, at IRQL <= APC_LEVEL
    with a copy of the callback data: then it only frees the record.

--*/
{
    PTRACK_RECORD record = CompletionContext;

    UNREFERENCED_PARAMETER( FltObjects );

    FLT_ASSERT( record != NULL );

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING )) {

        DbgPrint( "Tracker!TkPostRead: read #%u drained at IRQL %u (callback data flags 0x%x)\n",
                  record->Sequence,
                  KeGetCurrentIrql(),
                  Data->Flags );

    } else {

        DbgPrint( "Tracker!TkPostRead: read #%u of %u bytes at offset %I64d: status 0x%08x, %u bytes, IRQL %u\n",
                  record->Sequence,
                  record->Length,
                  record->Offset.QuadPart,
                  Data->IoStatus.Status,
                  (ULONG)Data->IoStatus.Information,
                  KeGetCurrentIrql() );
    }

    InterlockedDecrement( &gReadsInFlight );
    ExFreePoolWithTag( record, TRACK_TAG );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
