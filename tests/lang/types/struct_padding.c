// Members are aligned to their size; the structure to its largest member.
// expect: 24 8 16 12 2
#include <fltKernel.h>

typedef struct _A { CHAR c; LONGLONG q; CHAR d; } A;     /* 1 + 7 + 8 + 1 + 7 */
typedef struct _B { CHAR c; int i; } B;                    /* 1 + 3 + 4 */
typedef struct _C { int i; PVOID p; } C;                   /* 4 + 4 + 8 */
typedef struct _D { SHORT s; int i; CHAR c; } D;           /* 2 + 2 + 4 + 1 + 3 */
typedef struct _E { CHAR a; CHAR b; } E;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    DbgPrint("%d %d %d %d %d\n", (int)sizeof(A), (int)sizeof(B), (int)sizeof(C), (int)sizeof(D), (int)sizeof(E));
    return STATUS_SUCCESS;
}
