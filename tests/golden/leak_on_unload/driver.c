/*++

Module Name:

    driver.c  (golden trace: leak_on_unload)

Abstract:

    A filter that logs which Word documents are opened.  Its post-create queries the
    file's name and logs it if the extension is "docx".  It has a leak that no test of
    the happy path finds: on the early return for files that are not documents it forgets
    FltReleaseFileNameInformation, so every such open leaks a reference to FltMgr's name
    information.

    What it demonstrates:
      - Filter Verifier tracks the name information a filter holds (and its work items,
        contexts, ...) and, when the filter unloads, breaks in on the references it leaked
        (VERIF-FV-1: "A filter leaked references to the following resources");
      - without Driver Verifier nothing stops: the leak only shows as a warning in the
        trace (on a real system, as memory that is never given back);
      - a leak on one path only: when only documents are opened, the unload is clean.

    The fix: release on every path (a single exit with FltReleaseFileNameInformation, or
    __try/__finally).

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

PFLT_FILTER gFilterHandle;

UNICODE_STRING gDocumentExtension = RTL_CONSTANT_STRING( L"docx" );

DRIVER_INITIALIZE DriverEntry;

NTSTATUS DlUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
DlPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
DlPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, DlUnload)
#pragma alloc_text(PAGE, DlPreCreate)
#pragma alloc_text(PAGE, DlPostCreate)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_CREATE,
      0,
      DlPreCreate,
      DlPostCreate },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    DlUnload,                           //  MiniFilterUnload
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
DlUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
DlPreCreate (
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
DlPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Post-create, at PASSIVE_LEVEL in the opening thread.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    if (!NT_SUCCESS( Data->IoStatus.Status ) ||
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

    if (!NT_SUCCESS( status ) ||
        !RtlEqualUnicodeString( &nameInfo->Extension, &gDocumentExtension, TRUE )) {

        return FLT_POSTOP_FINISHED_PROCESSING;          //  BUG: nameInfo is not released
    }

    DbgPrint( "DocLog!DlPostCreate: document opened: %wZ\n", &nameInfo->Name );

    FltReleaseFileNameInformation( nameInfo );

    return FLT_POSTOP_FINISHED_PROCESSING;
}
