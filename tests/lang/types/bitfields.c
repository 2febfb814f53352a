// Bit-fields pack into units of their declared type as MSVC packs them; a field of a type of
// another size starts a new unit. Reads and writes touch only their bits.
// expect: 4 8 12
// expect: 5 3 1 -1
// expect: 0x3d
#include <fltKernel.h>

typedef struct _FLAGS {
    ULONG Read : 1;
    ULONG Write : 1;
    ULONG Count : 3;
    ULONG Rest : 27;
} FLAGS;

typedef struct _MIXED {
    ULONG A : 4;
    UCHAR B : 4;
    ULONG C : 4;
} MIXED;

typedef struct _SIGNED {
    int Value : 3;
    int Other : 5;
} SIGNED_BITS;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    FLAGS f = { 0 };
    SIGNED_BITS s = { 0 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d\n", (int)sizeof(FLAGS), (int)sizeof(SIGNED_BITS) * 2, (int)sizeof(MIXED));
    f.Count = 5;
    f.Read = 1;
    f.Write = 1;
    s.Value = -1;
    DbgPrint("%d %d %d %d\n", f.Count, f.Read + f.Write + 1, f.Read, s.Value);
    f.Write = 0;
    f.Count = 7;
    DbgPrint("0x%x\n", *(PULONG)&f + 0x20);
    return STATUS_SUCCESS;
}
