#include <ntddk.h>
typedef struct _R { LONG A, B; } R;
R Pick(int n, ...) { R r = { 0, 0 }; va_list ap; va_start(ap, n); while (n--) r.A += va_arg(ap, int); va_end(ap); return r; }
VOID Log(PCSTR f, ...) { va_list a; va_start(a, f); vDbgPrintEx(77, 0, f, a); va_end(a); }
NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)
{
    WCHAR b[16]; UNICODE_STRING s = { 0, sizeof(b), b }; ULONG v = 0; LARGE_INTEGER t;
    R x = Pick(3, 1, 2, 3);
    RtlAppendUnicodeToString(&s, L"12");
    RtlIntegerToUnicodeString(7, 10, &s);
    RtlUnicodeStringToInteger(&s, 0, &v);
    KeQuerySystemTime(&t);
    Log("%d %lu %wZ\n", x.A, v, &s);
    UNREFERENCED_PARAMETER(d); UNREFERENCED_PARAMETER(r);
    return STATUS_SUCCESS;
}
