// Pre- and post-increment and decrement, on locals, globals, members and narrow types.
// expect: 1 1 2 2 1
// expect: 0 255 41
#include <fltKernel.h>

int Counter;

typedef struct _BOX { int Value; } BOX;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    int i = 0, a, b;
    UCHAR c = 255;
    BOX box = { 40 };
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    a = ++i;
    b = i++;
    Counter++;
    ++Counter;
    DbgPrint("%d %d %d %d %d\n", a, b, i, Counter, Counter-- - 1);
    c++;
    DbgPrint("%d %d %d\n", c, --c, ++box.Value);
    return STATUS_SUCCESS;
}
