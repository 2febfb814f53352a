// A call that needs more registers than a VM frame holds (16,000): a function without a
// prototype called with 16,000 arguments.
// expect error 12:12: lang.budget.function
#include <fltKernel.h>
#define A10 a, a, a, a, a, a, a, a, a, a
#define A100 A10, A10, A10, A10, A10, A10, A10, A10, A10, A10
#define A1000 A100, A100, A100, A100, A100, A100, A100, A100, A100, A100
typedef int (*NO_PROTOTYPE)();
NO_PROTOTYPE Target;
int Big(int a)
{
    return Target(A1000, A1000, A1000, A1000, A1000, A1000, A1000, A1000,
                  A1000, A1000, A1000, A1000, A1000, A1000, A1000, A1000);
}
