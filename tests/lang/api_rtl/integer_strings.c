// RtlIntegerToUnicodeString and RtlUnicodeStringToInteger, in the bases Windows accepts.
// expect: 1234 ff 1010
// expect: parsed 42 -17 255 5 0
// expect: bad base c000000d, overflow 80000005
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WCHAR b1[8], b2[8], b3[8], tiny[2];
    UNICODE_STRING s1 = { 0, sizeof(b1), b1 }, s2 = { 0, sizeof(b2), b2 }, s3 = { 0, sizeof(b3), b3 };
    UNICODE_STRING t = { 0, sizeof(tiny), tiny };
    UNICODE_STRING d = RTL_CONSTANT_STRING(L"  42"), n = RTL_CONSTANT_STRING(L"-17"),
                   h = RTL_CONSTANT_STRING(L"0xff"), b = RTL_CONSTANT_STRING(L"101z"), z = RTL_CONSTANT_STRING(L"");
    ULONG v1, v2, v3, v4, v5;
    NTSTATUS bad, over;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlIntegerToUnicodeString(1234, 0, &s1);
    RtlIntegerToUnicodeString(255, 16, &s2);
    RtlIntegerToUnicodeString(10, 2, &s3);
    DbgPrint("%wZ %ws %wZ\n", &s1, L"ff", &s3);
    RtlUnicodeStringToInteger(&d, 10, &v1);
    RtlUnicodeStringToInteger(&n, 0, &v2);
    RtlUnicodeStringToInteger(&h, 0, &v3);
    RtlUnicodeStringToInteger(&b, 2, &v4);
    RtlUnicodeStringToInteger(&z, 10, &v5);
    DbgPrint("parsed %lu %ld %lu %lu %lu\n", v1, (LONG)v2, v3, v4, v5);
    bad = RtlUnicodeStringToInteger(&d, 7, &v1);
    over = RtlIntegerToUnicodeString(99, 10, &t);
    DbgPrint("bad base %x, overflow %x\n", bad, over);
    return STATUS_SUCCESS;
}
