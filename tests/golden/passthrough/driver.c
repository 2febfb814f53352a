/*++

Module Name:

    driver.c  (golden trace: passthrough)

Abstract:

    A pass-through minifilter: the smallest useful filter and the skeleton every other one
    starts from.  It registers a pre- and a post-operation callback for create, read, write,
    cleanup and close, traces each call with DbgPrint, and lets every operation through
    unchanged.

    What it demonstrates:
      - FltRegisterFilter / FltStartFiltering in DriverEntry, FltUnregisterFilter in the
        unload callback and on the failure path of DriverEntry;
      - FLT_PREOP_SUCCESS_WITH_CALLBACK: FltMgr passes the operation down and calls the
        post-operation callback on the way back up;
      - a post-operation callback written for the worst case: it may run at DISPATCH_LEVEL in
        an arbitrary thread (only KeGetCurrentIrql and DbgPrint are called there), and it
        returns at once when the instance is being drained;
      - post-create at PASSIVE_LEVEL in the thread that opened the file, whatever the file
        system does; fast I/O post-ops at PASSIVE_LEVEL in the pre-op's thread.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>
#include <suppress.h>

#pragma prefast(disable:__WARNING_ENCODE_MEMBER_FUNCTION_POINTER, "Not valid for kernel mode drivers")

//
//  Global data
//

PFLT_FILTER gFilterHandle;

#define PT_DBG_PRINT(_fmt, ...) DbgPrint("PassThrough!" _fmt, __VA_ARGS__)

//
//  Prototypes
//

DRIVER_INITIALIZE DriverEntry;

NTSTATUS
DriverEntry (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    );

NTSTATUS
PtUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    );

NTSTATUS
PtInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
PtPreOperationPassThrough (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
PtPostOperationPassThrough (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

//
//  Assign text sections for each routine.  The post-operation callback stays in nonpaged
//  code: it can be called at DISPATCH_LEVEL.
//

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, PtUnload)
#pragma alloc_text(PAGE, PtInstanceQueryTeardown)
#endif

//
//  Operation registration: the same pair of callbacks for every operation we watch.
//

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_CREATE,
      0,
      PtPreOperationPassThrough,
      PtPostOperationPassThrough },

    { IRP_MJ_READ,
      0,
      PtPreOperationPassThrough,
      PtPostOperationPassThrough },

    { IRP_MJ_WRITE,
      0,
      PtPreOperationPassThrough,
      PtPostOperationPassThrough },

    { IRP_MJ_CLEANUP,
      0,
      PtPreOperationPassThrough,
      PtPostOperationPassThrough },

    { IRP_MJ_CLOSE,
      0,
      PtPreOperationPassThrough,
      PtPostOperationPassThrough },

    { IRP_MJ_OPERATION_END }
};

//
//  This defines what we want to filter with FltMgr
//

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags

    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks

    PtUnload,                           //  MiniFilterUnload

    NULL,                               //  InstanceSetup
    PtInstanceQueryTeardown,            //  InstanceQueryTeardown
    NULL,                               //  InstanceTeardownStart
    NULL,                               //  InstanceTeardownComplete

    NULL,                               //  GenerateFileName
    NULL,                               //  GenerateDestinationFileName
    NULL                                //  NormalizeNameComponent

};

NTSTATUS
PtInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    )
/*++

Routine Description:

    Called when an instance is being manually deleted (fltmc detach).  Returning
    STATUS_SUCCESS allows it.

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    return STATUS_SUCCESS;
}

/*************************************************************************
    MiniFilter initialization and unload routines.
*************************************************************************/

NTSTATUS
DriverEntry (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS status;

    UNREFERENCED_PARAMETER( RegistryPath );

    PT_DBG_PRINT( "DriverEntry: Entered\n" );

    //
    //  Register with FltMgr to tell it our callback routines
    //

    status = FltRegisterFilter( DriverObject,
                                &FilterRegistration,
                                &gFilterHandle );

    FLT_ASSERT( NT_SUCCESS( status ) );

    if (NT_SUCCESS( status )) {

        //
        //  Start filtering i/o
        //

        status = FltStartFiltering( gFilterHandle );

        if (!NT_SUCCESS( status )) {

            FltUnregisterFilter( gFilterHandle );
        }
    }

    return status;
}

NTSTATUS
PtUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    PT_DBG_PRINT( "PtUnload: Entered\n" );

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

/*************************************************************************
    MiniFilter callback routines.
*************************************************************************/

FLT_PREOP_CALLBACK_STATUS
PtPreOperationPassThrough (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    The pre-operation callback for every operation we registered.  Pre-operation callbacks
    run at PASSIVE_LEVEL (APC_LEVEL for paging I/O), usually in the thread that issued the
    request.

Return Value:

    FLT_PREOP_SUCCESS_WITH_CALLBACK: pass the operation down and call our post-op.

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PT_DBG_PRINT( "PtPreOperationPassThrough: major %u, %s, IRQL %u\n",
                  Data->Iopb->MajorFunction,
                  FLT_IS_FASTIO_OPERATION( Data ) ? "fast I/O" : "IRP",
                  KeGetCurrentIrql() );

    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
PtPostOperationPassThrough (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    The post-operation callback.  It may be called at DISPATCH_LEVEL in an arbitrary thread
    (a completion DPC), so it touches nothing pageable and calls nothing that needs a lower
    IRQL.  When the instance is being torn down FltMgr calls it with
    FLTFL_POST_OPERATION_DRAINING: there is nothing to clean up here, so it just returns.

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    PT_DBG_PRINT( "PtPostOperationPassThrough: major %u, status 0x%08x, IRQL %u\n",
                  Data->Iopb->MajorFunction,
                  Data->IoStatus.Status,
                  KeGetCurrentIrql() );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
