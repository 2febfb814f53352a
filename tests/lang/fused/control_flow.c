// Loops, goto, switch and short-circuit conditions whose jumps land on instructions that carry
// a folded statement, and on instructions right after one, compute what C says.
// scenario events: off
// expect: sum 45 odd 25 skipped 2
// expect: goto 5
// expect: switch 0:zero 1:one-or-two 2:one-or-two 3:other 4:other
// expect: and-or 3
// expect: do 5 last 32
#include <fltKernel.h>

static int Classify(int v)
{
    switch (v) {
    case 0:
        return 0;
    case 1:
    case 2:
        return 1;
    default:
        break;
    }
    return 2;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    static const char *const names[] = { "zero", "one-or-two", "other" };
    int sum = 0, odd = 0, skipped = 0, n = 0, hits = 0, p = 1, rounds = 0;
    UNREFERENCED_PARAMETER(DriverObject);
    UNREFERENCED_PARAMETER(RegistryPath);
    for (int i = 0; i < 10; i++) {
        sum += i;
        if (i % 2 == 0) continue;
        odd += i;
        if (i > 5) skipped++;
    }
    DbgPrint("sum %d odd %d skipped %d\n", sum, odd, skipped);
again:
    n++;
    if (n < 5) goto again;
    DbgPrint("goto %d\n", n);
    DbgPrint("switch 0:%s 1:%s 2:%s 3:%s 4:%s\n", names[Classify(0)], names[Classify(1)], names[Classify(2)],
             names[Classify(3)], names[Classify(4)]);
    for (int i = 0; i < 6; i++)
        if ((i > 1 && i < 4) || i == 5) hits++;
    DbgPrint("and-or %d\n", hits);
    do {
        rounds++;
        p *= 2;
    } while (p <= 16);
    DbgPrint("do %d last %d\n", rounds, p);
    return STATUS_SUCCESS;
}
