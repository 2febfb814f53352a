// Never returns from DriverEntry: the run ends on the playground's budget with its partial trace.
#include <fltKernel.h>
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(DriverObject); UNREFERENCED_PARAMETER(RegistryPath);
  ULONG n = 0;
  for (;;) { n++; }
  return STATUS_SUCCESS;
}
