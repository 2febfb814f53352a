# Strict warnings, errors in every configuration (gcc natively, clang-14 for
# fuzzing and under emcc). Each flag beyond -Wall -Wextra is here for a reason:
#   -Wpedantic            ISO C11 only, so the same code builds with gcc, clang and emcc
#   -Wshadow              a shadowed local is a classic source of wrong-variable bugs
#   -Wstrict-prototypes   `f()` in C11 means "unknown arguments"; say `f(void)`
#   -Wmissing-prototypes  every non-static function is declared in a header
#   -Wold-style-definition
#   -Wpointer-arith       no arithmetic on void* (a GNU extension)
#   -Wcast-qual           casting const away hides writes through read-only data
#   -Wwrite-strings       string literals are const char[]
#   -Wundef               an undefined macro in #if is a typo, not 0
#   -Wformat=2            printf-style calls checked, including non-literal formats
#   -Wvla                 no variable-length arrays (stack size must be bounded)
#   -Wimplicit-fallthrough  switch fall-through must be deliberate
#   -Wdouble-promotion    the engine is integer-only; floats must not creep in
#   -Wswitch-enum is not used: switches over large X-macro enums use default: on purpose.
#   -Wconversion is not used: the VM and the memory model narrow integers deliberately,
#   and UBSan checks the cases that matter at run time.
set(FLTPLAY_WARNINGS
  -Wall -Wextra -Werror -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wold-style-definition -Wpointer-arith -Wcast-qual -Wwrite-strings -Wundef -Wformat=2
  -Wvla -Wimplicit-fallthrough -Wdouble-promotion)

function(fltplay_warnings target)
  target_compile_options(${target} PRIVATE ${FLTPLAY_WARNINGS})
endfunction()
