/*++

Module Name:

    driver.c  (golden trace: paged_fault)

Abstract:

    A write-statistics filter with the classic paging mistakes of a post-operation callback.
    Its post-write counts small writes in a statistics block and hands large writes to a
    helper.  The post-write can run at DISPATCH_LEVEL (a completion DPC, in an arbitrary
    thread), where page faults cannot be serviced, but:

      BUG 1: the statistics block comes from PagedPool (allocated in DriverEntry);
      BUG 2: the helper for large writes is in the PAGE section (#pragma alloc_text), so its
             code is pageable, and it starts with PAGED_CODE().

    While the file system completes inline, the post-write runs at PASSIVE_LEVEL and all is
    well.  When it completes from a DPC, the bugs depend on luck: a resident page hides
    them; a page that has been paged out is bug check 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL
    (P1 = the address, P2 = the IRQL, P3 = 0 read, 1 write, 8 execute).  PAGED_CODE() turns
    the pageable helper into a failed assertion at once, whether or not it is resident, on
    a checked build (or with fltplay, which treats it as one).

    The fix: NonPagedPoolNx for anything a post-operation callback touches, and no
    alloc_text(PAGE, ...) for anything it calls (or defer the work to a safe IRQL with
    FltDoCompletionProcessingWhenSafe).

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

#define STATS_TAG 'tStS'
#define LARGE_WRITE_BYTES 4096

typedef struct _WRITE_STATS {

    ULONG SmallWrites;
    ULONG LargeWrites;
    ULONGLONG LargeBytes;

} WRITE_STATS, *PWRITE_STATS;

PFLT_FILTER gFilterHandle;
PWRITE_STATS gStats;                    //  BUG 1: allocated from PagedPool

DRIVER_INITIALIZE DriverEntry;

NTSTATUS StUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
StPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
StPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

VOID StRecordLargeWrite ( _In_ ULONG_PTR Bytes );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, StUnload)
#pragma alloc_text(PAGE, StPreWrite)
#pragma alloc_text(PAGE, StRecordLargeWrite)    //  BUG 2: called from the post-write
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_WRITE,
      FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO,
      StPreWrite,
      StPostWrite },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    StUnload,                           //  MiniFilterUnload
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

    gStats = ExAllocatePoolZero( PagedPool, sizeof( WRITE_STATS ), STATS_TAG );    //  BUG 1

    if (gStats == NULL) {

        return STATUS_INSUFFICIENT_RESOURCES;
    }

    status = FltRegisterFilter( DriverObject,
                                &FilterRegistration,
                                &gFilterHandle );

    if (NT_SUCCESS( status )) {

        status = FltStartFiltering( gFilterHandle );

        if (!NT_SUCCESS( status )) {

            FltUnregisterFilter( gFilterHandle );
        }
    }

    if (!NT_SUCCESS( status )) {

        ExFreePoolWithTag( gStats, STATS_TAG );
        gStats = NULL;
    }

    return status;
}

NTSTATUS
StUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );
    ExFreePoolWithTag( gStats, STATS_TAG );
    gStats = NULL;

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
StPreWrite (
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

VOID
StRecordLargeWrite (
    _In_ ULONG_PTR Bytes
    )
{
    PAGED_CODE();

    gStats->LargeWrites += 1;
    gStats->LargeBytes += Bytes;

    DbgPrint( "WriteStats!StRecordLargeWrite: %u large write(s)\n", gStats->LargeWrites );
}

FLT_POSTOP_CALLBACK_STATUS
StPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread.  (This one forgets that.)

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    DbgPrint( "WriteStats!StPostWrite: %u bytes written, IRQL %u\n",
              (ULONG)Data->IoStatus.Information,
              KeGetCurrentIrql() );

    if (Data->IoStatus.Information >= LARGE_WRITE_BYTES) {

        StRecordLargeWrite( Data->IoStatus.Information );               //  BUG 2

    } else {

        gStats->SmallWrites += 1;                                       //  BUG 1
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}
