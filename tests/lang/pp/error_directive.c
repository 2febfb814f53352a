// #error stops the compilation with its message.
// expect error 4:1: #error this configuration is not supported
#include <fltKernel.h>
#error this configuration is not supported
