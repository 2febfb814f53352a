/*++

Module Name:

    solution.c  (lesson 5: where the post-operation callback runs)

Abstract:

    A write counter for one file, audit.log: after each write to it, the post-write adds
    the bytes written to a statistics block and prints the totals.

    A post-operation callback runs at IRQL <= DISPATCH_LEVEL in an arbitrary thread, so
    everything that needs a lower IRQL happens in the pre-write, at PASSIVE_LEVEL: the name
    query, the comparison (RtlEqualUnicodeString is PASSIVE_LEVEL only) and the release of
    the name information (paged pool).  The pre-write asks for a post-write only for
    audit.log, and the post-write touches nothing but the callback data and a statistics
    block from nonpaged pool.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

#define STATS_TAG 'tSuA'

typedef struct _AUDIT_STATS {

    LONG Writes;
    LONG64 Bytes;

} AUDIT_STATS, *PAUDIT_STATS;

PFLT_FILTER gFilterHandle;
PAUDIT_STATS gStats;

UNICODE_STRING gAuditLogName = RTL_CONSTANT_STRING( L"audit.log" );

DRIVER_INITIALIZE DriverEntry;

NTSTATUS AuUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
AuPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
AuPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, AuUnload)
#pragma alloc_text(PAGE, AuPreWrite)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_WRITE,
      0,
      AuPreWrite,
      AuPostWrite },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    AuUnload,                           //  MiniFilterUnload
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

    //
    //  The post-write updates the statistics at DISPATCH_LEVEL: nonpaged pool.
    //

    gStats = ExAllocatePoolZero( NonPagedPoolNx, sizeof( AUDIT_STATS ), STATS_TAG );

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
AuUnload (
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
AuPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL (or APC_LEVEL).  Decides here, where names can be queried and
    compared, whether the write is one to count.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    BOOLEAN isAuditLog = FALSE;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (!NT_SUCCESS( status )) {

        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    status = FltParseFileNameInformation( nameInfo );

    if (NT_SUCCESS( status )) {

        isAuditLog = RtlEqualUnicodeString( &nameInfo->FinalComponent, &gAuditLogName, TRUE );
    }

    FltReleaseFileNameInformation( nameInfo );

    return isAuditLog ? FLT_PREOP_SUCCESS_WITH_CALLBACK : FLT_PREOP_SUCCESS_NO_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
AuPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at IRQL <= DISPATCH_LEVEL in any thread, only for writes to audit.log.  Touches
    only nonpaged memory and calls only routines callable at DISPATCH_LEVEL.

--*/
{
    LONG writes;
    LONG64 bytes;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    writes = InterlockedIncrement( &gStats->Writes );
    bytes = InterlockedAdd64( &gStats->Bytes, (LONG64)Data->IoStatus.Information );

    DbgPrint( "Audit: audit.log: %d writes, %I64d bytes\n", writes, bytes );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
