typedef long NTSTATUS;
typedef unsigned long ULONG;
typedef struct _CTX { ULONG Count; struct _CTX *Next; int Bits : 3; } CTX, *PCTX;
#define ADD(a, b) ((a) + (b))
static CTX Table[4] = { { 1 }, [2] = { .Count = 3 } };
int Helper(PCTX c, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) { switch (i % 3) { case 0: total += c[i].Count; break; default: total -= 1; } }
  __try { total /= n; } __except (1) { total = -1; }
  return ADD(total, c->Bits);
}
NTSTATUS DriverEntry(void *d, void *r) { return Helper(Table, 4) > 0 ? 0 : 1; }
