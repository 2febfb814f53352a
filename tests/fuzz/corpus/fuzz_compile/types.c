typedef struct _A { unsigned char c; long long q : 40; union { int i; short s[2]; }; } A, *PA;
typedef int (*FN)(PA, int);
enum E { X = 1, Y = X << 4, Z };
static const A arr[] = { { 1, 2, { 3 } }, { .c = 4, .q = -1, .s = { 5, 6 } } };
unsigned long sz = sizeof(arr) / sizeof arr[0] + __builtin_offsetof(A, s[1]);
int use(FN f) { A a = arr[1]; PA p = &a; return f ? f(p, (int)(p->q >> 3)) : (int)(char)p->c; }
