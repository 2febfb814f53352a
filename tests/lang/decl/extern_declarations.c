// extern declarations refer to a definition later in the file.
// expect: 77
#include <fltKernel.h>

extern int Later;
int ReadLater(void);

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d\n", ReadLater());
    return STATUS_SUCCESS;
}

int Later = 77;
int ReadLater(void) { return Later; }
