#define S(x) #x
#define J(a, b) a##b
#define L(f, ...) Log(f, __VA_ARGS__)
#if defined(J) && (1 << 3) == 8
int J(val, 1) = sizeof(S(x + 1));
#elif 0
#error no
#else
#endif
int Log(const char *f, ...);
#pragma pack(push, 1)
struct P { char a; long b; };
#pragma pack(pop)
