// %s, %S / %ws (wide), %wZ (UNICODE_STRING), %Z (ANSI_STRING), precision, NULL.
// expect: narrow wide counted ansi
// expect: nar (null) [  ab]
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING u = RTL_CONSTANT_STRING(L"counted, not terminated");
    ANSI_STRING a;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    u.Length = 14;
    a.Buffer = "ansi!";
    a.Length = 4;
    a.MaximumLength = 6;
    DbgPrint("%s %ws %wZ %Z\n", "narrow", L"wide", &u, &a);
    DbgPrint("%.3s %s [%4s]\n", "narrow", (PCSTR)NULL, "ab");
    return STATUS_SUCCESS;
}
