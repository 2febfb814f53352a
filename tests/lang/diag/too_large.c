// A structure larger than the playground allows.
// expect error 6:74: lang.type.too_large
#include <fltKernel.h>
struct Huge {
    UCHAR a[0x10000000]; UCHAR b[0x10000000]; UCHAR c[0x10000000]; UCHAR d[0x10000000];
    UCHAR e[0x10000000]; UCHAR f[0x10000000]; UCHAR g[0x10000000]; UCHAR h[0x10000000];
};

