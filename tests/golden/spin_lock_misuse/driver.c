/*++

Module Name:

    driver.c  (golden trace: spin_lock_misuse)

Abstract:

    A "hot files" filter that counts how often each file is opened, in a list keyed by the
    file's name.  It works in a quick test, and it has two bugs that are among the most
    common in real filters.  Both come from one wrong assumption: that a spin lock is just a
    lock.  Taking a spin lock raises the IRQL to DISPATCH_LEVEL until it is released, and at
    DISPATCH_LEVEL:

      BUG 1: RtlEqualUnicodeString may not be called: it is documented for PASSIVE_LEVEL only
             (it is pageable kernel code);
      BUG 2: paged memory may not be touched: the list entries come from PagedPool, and
             the list is walked with the lock held.  If a page is not resident, the page
             fault cannot be serviced at DISPATCH_LEVEL: bug check 0xD1.

    Neither shows on a machine with plenty of memory and no verifier.  The fix is a lock
    that keeps the IRQL at PASSIVE_LEVEL (an ERESOURCE or a push lock; a fast mutex raises to
    APC_LEVEL, which RtlEqualUnicodeString does not allow either), or nonpaged entries and
    a comparison done outside the lock.

    What it demonstrates:
      - KeAcquireSpinLock / KeReleaseSpinLock and the IRQL change they make;
      - API-1 (a routine called above its documented IRQL), which Driver Verifier reports and
        stops on, and which without Verifier is only a warning;
      - Driver Verifier's "force IRQL checking": pageable memory is trimmed when the driver
        takes a spin lock, so BUG 2 faults every time (0xD1, the driver's own access).

Environment:

    Kernel mode

--*/

#include <fltKernel.h>
#include <dontuse.h>

#define HOT_TAG 'tHoH'

typedef struct _HOT_FILE_ENTRY {

    LIST_ENTRY ListEntry;
    UNICODE_STRING Name;        //  Buffer points just past the entry
    ULONG OpenCount;

} HOT_FILE_ENTRY, *PHOT_FILE_ENTRY;

PFLT_FILTER gFilterHandle;

KSPIN_LOCK gHotListLock;
LIST_ENTRY gHotList;

DRIVER_INITIALIZE DriverEntry;

NTSTATUS HotUnload ( _In_ FLT_FILTER_UNLOAD_FLAGS Flags );

FLT_PREOP_CALLBACK_STATUS
HotPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
HotPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

VOID HotCountOpen ( _In_ PCUNICODE_STRING Name );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, HotUnload)
#pragma alloc_text(PAGE, HotPreCreate)
#endif

CONST FLT_OPERATION_REGISTRATION Callbacks[] = {

    { IRP_MJ_CREATE,
      0,
      HotPreCreate,
      HotPostCreate },

    { IRP_MJ_OPERATION_END }
};

CONST FLT_REGISTRATION FilterRegistration = {

    sizeof( FLT_REGISTRATION ),         //  Size
    FLT_REGISTRATION_VERSION,           //  Version
    0,                                  //  Flags
    NULL,                               //  Context
    Callbacks,                          //  Operation callbacks
    HotUnload,                          //  MiniFilterUnload
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

    KeInitializeSpinLock( &gHotListLock );
    InitializeListHead( &gHotList );

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
HotUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    PLIST_ENTRY link;

    UNREFERENCED_PARAMETER( Flags );

    PAGED_CODE();

    FltUnregisterFilter( gFilterHandle );

    //
    //  No callback can run any more: free the list without the lock.
    //

    while (!IsListEmpty( &gHotList )) {

        link = RemoveHeadList( &gHotList );
        ExFreePoolWithTag( CONTAINING_RECORD( link, HOT_FILE_ENTRY, ListEntry ), HOT_TAG );
    }

    return STATUS_SUCCESS;
}

FLT_PREOP_CALLBACK_STATUS
HotPreCreate (
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
HotCountOpen (
    _In_ PCUNICODE_STRING Name
    )
/*++

Routine Description:

    Counts one open of Name.  Called at PASSIVE_LEVEL; the list is protected by a spin lock.

--*/
{
    PHOT_FILE_ENTRY entry;
    PHOT_FILE_ENTRY newEntry;
    PLIST_ENTRY link;
    KIRQL oldIrql;
    ULONG count = 0;

    KeAcquireSpinLock( &gHotListLock, &oldIrql );

    //
    //  IRQL is DISPATCH_LEVEL from here to KeReleaseSpinLock.
    //

    for (link = gHotList.Flink; link != &gHotList; link = link->Flink) {        //  BUG 2

        entry = CONTAINING_RECORD( link, HOT_FILE_ENTRY, ListEntry );

        if (RtlEqualUnicodeString( &entry->Name, Name, TRUE )) {                //  BUG 1

            count = ++entry->OpenCount;
            break;
        }
    }

    KeReleaseSpinLock( &gHotListLock, oldIrql );

    if (count == 0) {

        //
        //  First open of this file: a new entry, with the name copied just after it.
        //

        newEntry = ExAllocatePoolWithTag( PagedPool,                            //  BUG 2
                                          sizeof( HOT_FILE_ENTRY ) + Name->Length,
                                          HOT_TAG );

        if (newEntry == NULL) {

            return;
        }

        newEntry->Name.Buffer = (PWCH)(newEntry + 1);
        newEntry->Name.Length = 0;
        newEntry->Name.MaximumLength = Name->Length;
        RtlCopyUnicodeString( &newEntry->Name, Name );
        newEntry->OpenCount = count = 1;

        KeAcquireSpinLock( &gHotListLock, &oldIrql );
        InsertTailList( &gHotList, &newEntry->ListEntry );
        KeReleaseSpinLock( &gHotListLock, oldIrql );
    }

    DbgPrint( "HotFiles!HotCountOpen: %wZ opened %u time(s)\n", Name, count );
}

FLT_POSTOP_CALLBACK_STATUS
HotPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
/*++

Routine Description:

    Post-create: PASSIVE_LEVEL, in the thread that opened the file.

--*/
{
    PFLT_FILE_NAME_INFORMATION nameInfo;
    NTSTATUS status;

    UNREFERENCED_PARAMETER( FltObjects );
    UNREFERENCED_PARAMETER( CompletionContext );

    if (!NT_SUCCESS( Data->IoStatus.Status ) ||
        FlagOn( Flags, FLTFL_POST_OPERATION_DRAINING )) {

        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    status = FltGetFileNameInformation( Data,
                                        FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                        &nameInfo );

    if (NT_SUCCESS( status )) {

        HotCountOpen( &nameInfo->Name );
        FltReleaseFileNameInformation( nameInfo );
    }

    return FLT_POSTOP_FINISHED_PROCESSING;
}
