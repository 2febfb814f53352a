/*++

Module Name:

    driver.c  (golden trace: cancel_create)

Abstract:

    A minifilter that refuses to let scripts be opened: after the file system has opened a
    file, the post-create looks at the file's normalized name and, if its extension is on
    the blocked list, cancels the open with FltCancelFileOpen and fails the create with
    STATUS_ACCESS_DENIED.  Deciding in the post-create means deciding on the name the file
    system actually opened (in the pre-create the name is only what the caller asked for:
    possibly a short name, or relative to another handle).

    What it demonstrates:
      - the post-create runs at PASSIVE_LEVEL in the thread that opened the file, even when
        the file system pends the create and completes it from a DPC: it may query names,
        compare strings and call FltCancelFileOpen (PASSIVE_LEVEL only);
      - skipping creates that failed or were reparsed, and the draining flag;
      - FltGetFileNameInformation + FltParseFileNameInformation for the extension, and an
        array of UNICODE_STRINGs built with RTL_CONSTANT_STRING;
      - cancelling a create: FltCancelFileOpen, then IoStatus.Status = STATUS_ACCESS_DENIED,
        IoStatus.Information = 0, FLT_POSTOP_FINISHED_PROCESSING; filters above see a failed
        create, filters below see the open followed by a cleanup and a close.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

//
//  Extensions that may not be opened.
//

UNICODE_STRING gBlockedExtensions[] = {

    RTL_CONSTANT_STRING( L"vbs" ),
    RTL_CONSTANT_STRING( L"js" ),
    RTL_CONSTANT_STRING( L"hta" ),
};

#define BLOCKED_EXTENSION_COUNT (sizeof( gBlockedExtensions ) / sizeof( gBlockedExtensions[0] ))

DRIVER_INITIALIZE DriverEntry;

NTSTATUS CcUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
CcPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
CcPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

BOOLEAN CcIsBlockedExtension ( _In_ PCUNICODE_STRING Extension );

//
//  Post-create is guaranteed to run at PASSIVE_LEVEL, so it may be pageable.
//

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, CcUnload)
#pragma alloc_text(PAGE, CcPreCreate)
#pragma alloc_text(PAGE, CcPostCreate)
#pragma alloc_text(PAGE, CcIsBlockedExtension)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_CREATE,
      0,
      CcPreCreate,
      CcPostCreate },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    CcUnload,                           //  MiniFilterUnload
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
CcUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
CcPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    UNREFERENCED_PARAMETER( Data );
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    //
    //  Nothing to decide yet: ask for the post-create.
    //

    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

BOOLEAN
CcIsBlockedExtension (
    _In_ PCUNICODE_STRING Extension
    )
{
    ULONG i;

    PAGED_CODE();

    for (i = 0; i < BLOCKED_EXTENSION_COUNT; i++) {

        if (RtlEqualUnicodeString( Extension, &gBlockedExtensions[i], TRUE )) {

            return TRUE;
        }
    }

    return FALSE;
}

FLT_POSTOP_CALLBACK_STATUS
CcPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Runs at PASSIVE_LEVEL in the thread that issued the create.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    //
    //  Nothing to do for a create that failed, was reparsed, or is being drained.
    //

    if (!NT_SUCCESS( Data->IoStatus.Status ) ||
        (Data->IoStatus.Status == STATUS_REPARSE) ||
        FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (!NT_SUCCESS( status )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltParseFileNameInformation( nameInfo );

    if (NT_SUCCESS( status ) && CcIsBlockedExtension( &nameInfo->Extension )) {

        DbgPrint( "CancelCreate!CcPostCreate: blocking %wZ (IRQL %u)\n",
                  &nameInfo->Name,
                  KeGetCurrentIrql() );

        //
        //  Undo the open below us, then fail the create for everyone above.
        //

        FltCancelFileOpen( FltObjects->Instance, FltObjects->FileObject );

        Data->IoStatus.Status = STATUS_ACCESS_DENIED;
        Data->IoStatus.Information = 0;
    }

    FltReleaseFileNameInformation( nameInfo );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
