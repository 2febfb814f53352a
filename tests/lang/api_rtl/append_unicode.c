// Building a path: RtlAppendUnicodeToString and RtlAppendUnicodeStringToString copy into the
// destination's buffer, terminate it when there is room, and refuse what does not fit.
// expect: \Device\HarddiskVolume1\dir\a.txt (66 of 80)
// expect: too small c0000023, still 66
// expect: empty append 0
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WCHAR storage[40];
    UNICODE_STRING path, name = RTL_CONSTANT_STRING(L"\\a.txt"), empty = { 0, 0, NULL };
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    path.Buffer = storage;
    path.Length = 0;
    path.MaximumLength = sizeof(storage);
    RtlAppendUnicodeToString(&path, L"\\Device\\HarddiskVolume1");
    RtlAppendUnicodeToString(&path, L"\\dir");
    status = RtlAppendUnicodeStringToString(&path, &name);
    if (NT_SUCCESS(status)) DbgPrint("%wZ (%u of %u)\n", &path, path.Length, path.MaximumLength);
    status = RtlAppendUnicodeToString(&path, L"\\a-name-that-is-far-too-long");
    DbgPrint("too small %x, still %u\n", status, path.Length);
    DbgPrint("empty append %x\n", RtlAppendUnicodeStringToString(&path, &empty));
    return STATUS_SUCCESS;
}
