// After 50 errors the compiler stops with a last message.
// expect error 56:5: lang.sem.undeclared
// expect error 57:5: lang.sem.undeclared
// expect error 58:5: lang.sem.undeclared
// expect error 59:5: lang.sem.undeclared
// expect error 60:5: lang.sem.undeclared
// expect error 61:5: lang.sem.undeclared
// expect error 62:5: lang.sem.undeclared
// expect error 63:5: lang.sem.undeclared
// expect error 64:5: lang.sem.undeclared
// expect error 65:5: lang.sem.undeclared
// expect error 66:5: lang.sem.undeclared
// expect error 67:5: lang.sem.undeclared
// expect error 68:5: lang.sem.undeclared
// expect error 69:5: lang.sem.undeclared
// expect error 70:5: lang.sem.undeclared
// expect error 71:5: lang.sem.undeclared
// expect error 72:5: lang.sem.undeclared
// expect error 73:5: lang.sem.undeclared
// expect error 74:5: lang.sem.undeclared
// expect error 75:5: lang.sem.undeclared
// expect error 76:5: lang.sem.undeclared
// expect error 77:5: lang.sem.undeclared
// expect error 78:5: lang.sem.undeclared
// expect error 79:5: lang.sem.undeclared
// expect error 80:5: lang.sem.undeclared
// expect error 81:5: lang.sem.undeclared
// expect error 82:5: lang.sem.undeclared
// expect error 83:5: lang.sem.undeclared
// expect error 84:5: lang.sem.undeclared
// expect error 85:5: lang.sem.undeclared
// expect error 86:5: lang.sem.undeclared
// expect error 87:5: lang.sem.undeclared
// expect error 88:5: lang.sem.undeclared
// expect error 89:5: lang.sem.undeclared
// expect error 90:5: lang.sem.undeclared
// expect error 91:5: lang.sem.undeclared
// expect error 92:5: lang.sem.undeclared
// expect error 93:5: lang.sem.undeclared
// expect error 94:5: lang.sem.undeclared
// expect error 95:5: lang.sem.undeclared
// expect error 96:5: lang.sem.undeclared
// expect error 97:5: lang.sem.undeclared
// expect error 98:5: lang.sem.undeclared
// expect error 99:5: lang.sem.undeclared
// expect error 100:5: lang.sem.undeclared
// expect error 101:5: lang.sem.undeclared
// expect error 102:5: lang.sem.undeclared
// expect error 103:5: lang.sem.undeclared
// expect error 104:5: lang.sem.undeclared
// expect error 105:5: lang.sem.undeclared
// expect error 105:5: lang.budget.errors
#include <fltKernel.h>
void F(void)
{
    Undeclared0 = 1;
    Undeclared1 = 1;
    Undeclared2 = 1;
    Undeclared3 = 1;
    Undeclared4 = 1;
    Undeclared5 = 1;
    Undeclared6 = 1;
    Undeclared7 = 1;
    Undeclared8 = 1;
    Undeclared9 = 1;
    Undeclared10 = 1;
    Undeclared11 = 1;
    Undeclared12 = 1;
    Undeclared13 = 1;
    Undeclared14 = 1;
    Undeclared15 = 1;
    Undeclared16 = 1;
    Undeclared17 = 1;
    Undeclared18 = 1;
    Undeclared19 = 1;
    Undeclared20 = 1;
    Undeclared21 = 1;
    Undeclared22 = 1;
    Undeclared23 = 1;
    Undeclared24 = 1;
    Undeclared25 = 1;
    Undeclared26 = 1;
    Undeclared27 = 1;
    Undeclared28 = 1;
    Undeclared29 = 1;
    Undeclared30 = 1;
    Undeclared31 = 1;
    Undeclared32 = 1;
    Undeclared33 = 1;
    Undeclared34 = 1;
    Undeclared35 = 1;
    Undeclared36 = 1;
    Undeclared37 = 1;
    Undeclared38 = 1;
    Undeclared39 = 1;
    Undeclared40 = 1;
    Undeclared41 = 1;
    Undeclared42 = 1;
    Undeclared43 = 1;
    Undeclared44 = 1;
    Undeclared45 = 1;
    Undeclared46 = 1;
    Undeclared47 = 1;
    Undeclared48 = 1;
    Undeclared49 = 1;
}
