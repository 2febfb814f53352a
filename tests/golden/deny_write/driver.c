/*++

Module Name:

    driver.c  (golden trace: deny_write)

Abstract:

    A minifilter that protects one file by name: any write to a file whose final name
    component is "secret.txt" (in any case) fails with STATUS_ACCESS_DENIED before it reaches
    the file system.  Writes to other files pass untouched.

    What it demonstrates:
      - FltGetFileNameInformation (normalized name), FltParseFileNameInformation and
        FltReleaseFileNameInformation on every path;
      - completing an operation in its pre-operation callback: IoStatus set, then
        FLT_PREOP_COMPLETE; the file system never sees the write, and no post-operation
        callback is registered or needed;
      - FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO: paging writes (the cache manager and the
        memory manager flushing data already written) never reach the filter, which is also
        where a name query would fail;
      - the same pre-operation callback for IRP writes and fast I/O writes: completing a fast
        I/O operation is allowed too.

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

//
//  Globals
//

PFLT_FILTER gFilterHandle;

//
//  The protected file's name, compared case-insensitively with the final component of the
//  normalized name.
//

UNICODE_STRING gProtectedName = RTL_CONSTANT_STRING( L"secret.txt" );

//
//  Prototypes
//

DRIVER_INITIALIZE DriverEntry;

NTSTATUS
DwUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
DwPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

BOOLEAN
DwIsProtectedFile (
    _In_ PFLT_CALLBACK_DATA Data
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, DwUnload)
#pragma alloc_text(PAGE, DwPreWrite)
#pragma alloc_text(PAGE, DwIsProtectedFile)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_WRITE,
      FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO,
      DwPreWrite,
      NULL },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    DwUnload,                           //  MiniFilterUnload
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
DwUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    return STATUS_SUCCESS;
}

BOOLEAN
DwIsProtectedFile (
    _In_ PFLT_CALLBACK_DATA Data
    )
/*++

Routine Description:

    Queries the normalized name of the file the operation targets and compares its final
    component with the protected name.  Must be called at IRQL <= APC_LEVEL (the name
    routines), and at PASSIVE_LEVEL (RtlEqualUnicodeString).

Return Value:

    TRUE if the file is the protected one.  If the name cannot be queried the answer is
    FALSE: this filter fails open.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;
    BOOLEAN isProtected;

    PAGED_CODE();

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (!NT_SUCCESS( status )) {

        DbgPrint( "DenyWrite!DwIsProtectedFile: name query failed, status 0x%08x\n", status );
        return FALSE;
    }

    status = FltParseFileNameInformation( nameInfo );

    if (!NT_SUCCESS( status )) {

        FltReleaseFileNameInformation( nameInfo );
        return FALSE;
    }

    isProtected = RtlEqualUnicodeString( &nameInfo->FinalComponent,
                                         &gProtectedName,
                                         TRUE );

    DbgPrint( "DenyWrite!DwIsProtectedFile: %wZ -> %s\n",
              &nameInfo->Name,
              isProtected ? "protected" : "not protected" );

    FltReleaseFileNameInformation( nameInfo );

    return isProtected;
}

FLT_PREOP_CALLBACK_STATUS
DwPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
/*++

Routine Description:

    Pre-write: deny writes to the protected file.  Paging writes are skipped by the
    registration flag, so this runs at PASSIVE_LEVEL in the writer's thread.

Return Value:

    FLT_PREOP_COMPLETE with STATUS_ACCESS_DENIED for the protected file,
    FLT_PREOP_SUCCESS_NO_CALLBACK otherwise (no post-operation callback is registered).

--*/
{
    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    PAGED_CODE();

    if (DwIsProtectedFile( Data )) {

        Data->IoStatus.Status = STATUS_ACCESS_DENIED;
        Data->IoStatus.Information = 0;

        return FLT_PREOP_COMPLETE;
    }

    return FLT_PREOP_SUCCESS_NO_CALLBACK;
}
