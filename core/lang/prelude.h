/* prelude.h: the built-in WDK headers (what #include <fltKernel.h> brings): the typedefs,
 * structures (laid out as Windows x64 lays them out; test_lang_layout checks them against
 * core/kstruct), the kernel routines' prototypes, the intrinsics and the WDK's macros. The
 * enumerations whose values core/nt holds are generated from its table. */
#ifndef FP_LANG_PRELUDE_H
#define FP_LANG_PRELUDE_H

#include "lang/lex.h"

/* The name diagnostics and __FILE__ give the built-in headers. */
#define PR_FILE_NAME "<fltKernel.h>"

/* The prelude as tokens (file `file`), ending with TK_EOF. */
lx_token *pr_tokens(cx *c, uint32_t file);

/* The prelude's text (for tests); `*len` gets its length. Arena-owned. */
const char *pr_text(cx *c, size_t *len);

#endif
