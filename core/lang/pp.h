/* pp.h: the preprocessor. Directives (#include of the WDK headers, which map to the built-in
 * prelude; #define with # and ##, #undef, #if/#ifdef/#ifndef/#elif/#else/#endif, #pragma,
 * #error, #line), macro expansion with hide sets (C11 6.10.3, Prosser's algorithm), and the
 * WDK's names: the constants of core/nt become macros on first use. #pragma lines reach the
 * parser as TK_PRAGMA tokens; SAL annotations (_In_, _Out_opt_, _When_(...), __drv_*(...))
 * are dropped from the output. */
#ifndef FP_LANG_PP_H
#define FP_LANG_PP_H

#include "lang/lex.h"

/* Preprocesses the driver's tokens; returns the token list for the parser, ending with
 * TK_EOF. `file_name` is what __FILE__ gives. */
lx_token *pp_run(cx *c, lx_token *tokens, const char *file_name);

/* Whether `name` (interned or not) is one of the built-in WDK headers (case-insensitive). */
int pp_builtin_header(const char *name, size_t len);

#endif
