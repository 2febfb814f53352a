/* kapi_lang.h: kernel routines added for the driver language (Rtl memory and string helpers,
 * Interlocked*, DbgPrint, ...), listed here so their file (kapi_lang.c) stays separate:
 * X(name, arguments, highest IRQL, flags), as in kapi.h. */
#ifndef FP_ENGINE_KAPI_LANG_H
#define FP_ENGINE_KAPI_LANG_H

#define KAPIS_LANG(X)

#endif
