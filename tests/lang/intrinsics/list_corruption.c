// Removing an entry twice corrupts the list; the WDK's checked list helpers __fastfail:
// bug check 0x139 KERNEL_SECURITY_CHECK_FAILURE with P1 = 3.
// expect bugcheck 0x139 0x3
#include <fltKernel.h>

LIST_ENTRY Head;
LIST_ENTRY A, B;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    InitializeListHead(&Head);
    InsertTailList(&Head, &A);
    InsertTailList(&Head, &B);
    RemoveEntryList(&A);
    RemoveEntryList(&A);
    return STATUS_SUCCESS;
}
