typedef unsigned long ULONG;
int g;
int f(int *p, int n) {
  int s = 0, i = 0;
again:
  do { s += p[i]; } while (++i < n);
  while (s > 100) { s -= 7; if (s == 50) break; else continue; }
  switch (s & 3) { case 0: s++; case 1: s--; break; default: goto again; }
  __try { *p = s / g; } __finally { g = AbnormalTermination(); }
  for (;;) { __try { __leave; } __except (GetExceptionCode() == 5 ? 1 : 0) { } break; }
  return s ? s : -1;
}
