typedef struct _N { struct _N *Next; int V; unsigned char B : 3; } N;
static N Pool[8];
static int Table[4] = { 1, 2, 3, 4 };
typedef struct _P { long X, Y; } P;
static P Mk(long x, long y) { P p; p.X = x; p.Y = y; return p; }
static long Sum(P p) { return p.X + p.Y; }
static int Walk(N *n) { int s = 0; while (n) { s += n->V; n = n->Next; } return s; }
static int Rec(int n) { return n <= 1 ? 1 : n * Rec(n - 1); }
long DriverEntry(void *d, void *r)
{
    int i, s = 0;
    char buf[16];
    char *p = buf;
    for (i = 0; i < 8; i++) { Pool[i].V = i; Pool[i].B = (unsigned char)i; Pool[i].Next = i < 7 ? &Pool[i + 1] : 0; }
    s += Walk(&Pool[0]);
    switch (s & 3) { case 0: s++; case 1: s--; break; default: s ^= 5; }
    for (i = 0; i < 16; i++) *p++ = (char)i;
    s += Table[s & 3] + Rec(5) + (int)Sum(Mk(3, 4));
    __try { s += *(int *)d; } __except (1) { s = -s; }
    __try { if (s) __leave; s++; } __finally { s <<= 1; }
    do { s >>= 1; } while (s > 100);
    if (r == 0) goto out;
    s = s / (i - 16 + 1) % 7;
out:
    return s;
}
