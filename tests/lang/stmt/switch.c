// switch with fall-through, default in the middle, break, and a switch on the major function.
// expect: read
// expect: write-or-read
// expect: other
// expect: other
// expect: create
#include <fltKernel.h>

void Name(UCHAR Major)
{
    switch (Major) {
    case IRP_MJ_CREATE:
        DbgPrint("create\n");
        break;
    default:
        DbgPrint("other\n");
        break;
    case IRP_MJ_READ:
        DbgPrint("read\n");
    case IRP_MJ_WRITE:
        DbgPrint("write-or-read\n");
        break;
    }
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    Name(IRP_MJ_READ);
    Name(IRP_MJ_CLEANUP);
    Name(IRP_MJ_QUERY_OPEN);
    Name(IRP_MJ_CREATE);
    return STATUS_SUCCESS;
}
