// RtlInitAnsiString/RtlInitString count a narrow string; RtlUpcaseUnicodeChar folds a
// character to upper case.
// expect: ansi 5 6 hello
// expect: string 0 1
// expect: upcase A Z 1 C9
#include <fltKernel.h>

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    ANSI_STRING a;
    STRING s;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    RtlInitAnsiString(&a, "hello");
    DbgPrint("ansi %u %u %Z\n", a.Length, a.MaximumLength, &a);
    RtlInitString(&s, "");
    DbgPrint("string %u %u\n", s.Length, s.MaximumLength);
    DbgPrint("upcase %c %c %c %X\n", RtlUpcaseUnicodeChar(L'a'), RtlUpcaseUnicodeChar(L'Z'),
             RtlUpcaseUnicodeChar(L'1'), RtlUpcaseUnicodeChar(0xE9));
    return STATUS_SUCCESS;
}
