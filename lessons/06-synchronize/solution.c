/*++

Module Name:

    solution.c  (lesson 6: FLT_PREOP_SYNCHRONIZE and the other exceptions)

Abstract:

    A write logger: it logs each file opened and, after each successful write, the bytes
    written and the file's name.  Names are queried with FltGetFileNameInformation, which
    must be called at IRQL <= APC_LEVEL.

    The post-create queries the name as it is: post-create callbacks run at PASSIVE_LEVEL in
    the thread that opened the file, so FLT_PREOP_SYNCHRONIZE would add nothing there.

    The pre-write returns FLT_PREOP_SYNCHRONIZE for synchronous IRP writes: the writer's
    thread waits for them anyway, and FltMgr then calls the post-write in that thread at
    IRQL <= APC_LEVEL, however the file system completes.  Fast I/O needs nothing: its
    post-write runs in the writer's thread at PASSIVE_LEVEL.  Asynchronous writes are not
    synchronized (the writer asked not to wait); their post-write may run at DISPATCH_LEVEL
    and logs them without the name.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS WlUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
WlPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
WlPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
WlPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
WlPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, WlUnload)
#pragma alloc_text(PAGE, WlPreCreate)
#pragma alloc_text(PAGE, WlPostCreate)
#pragma alloc_text(PAGE, WlPreWrite)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_CREATE,
      0,
      WlPreCreate,
      WlPostCreate },

    { IRP_MJ_WRITE,
      0,
      WlPreWrite,
      WlPostWrite },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    WlUnload,                           //  MiniFilterUnload
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
WlUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
WlPreCreate (
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
WlPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Post-create callbacks run at PASSIVE_LEVEL in the thread that opened the file: names
    can be queried here, with no FLT_PREOP_SYNCHRONIZE.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status ) ||
        Data->IoStatus.Status == STATUS_REPARSE) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        DbgPrint( "WriteLog: opened %wZ\n", &nameInfo->Name );
        FltReleaseFileNameInformation( nameInfo );
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_PREOP_CALLBACK_STATUS
WlPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    //
    //  Synchronize only IRP writes whose caller waits for them anyway.  Never an
    //  asynchronous write: FLT_PREOP_SYNCHRONIZE would make its caller wait.
    //

    if (FLT_IS_IRP_OPERATION( Data ) && FltIsOperationSynchronous( Data )) {

        return FLT_PREOP_SYNCHRONIZE;
    }

    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
WlPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Logs a successful write with the file's name.  FltGetFileNameInformation needs IRQL <=
    APC_LEVEL: synchronous IRP writes (synchronized) and fast I/O writes get here at
    APC_LEVEL or below; an asynchronous write may complete at DISPATCH_LEVEL, where it is
    logged without its name.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING ) ||
        !NT_SUCCESS( Data->IoStatus.Status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (KeGetCurrentIrql() > APC_LEVEL) {

        DbgPrint( "WriteLog: wrote %Iu bytes (asynchronous write, no name at DISPATCH_LEVEL)\n",
                  Data->IoStatus.Information );

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        DbgPrint( "WriteLog: wrote %Iu bytes to %wZ\n", Data->IoStatus.Information, &nameInfo->Name );
        FltReleaseFileNameInformation( nameInfo );
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}
