// Designated initialisers: .Member and [index], in any order; the rest is zero.
// expect: 16 2 0x0203 1
// expect: 0 7 0 9
#include <fltKernel.h>

FLT_REGISTRATION Reg = {
    .Version = FLT_REGISTRATION_VERSION,
    .Size = sizeof(FLT_REGISTRATION) / 7,
    .Flags = FLTFL_REGISTRATION_DO_NOT_SUPPORT_SERVICE_STOP,
};

int Sparse[4] = { [3] = 9, [1] = 7 };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING local = { .MaximumLength = 2, .Length = 16 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d 0x%04x %d\n", local.Length, local.MaximumLength, Reg.Version, Reg.Flags);
    DbgPrint("%d %d %d %d\n", Sparse[0], Sparse[1], Sparse[2], Sparse[3]);
    return STATUS_SUCCESS;
}
