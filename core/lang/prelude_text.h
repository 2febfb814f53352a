/* prelude_text.h: the lines of the built-in headers (prelude_text.c, generated). */
#ifndef FP_LANG_PRELUDE_TEXT_H
#define FP_LANG_PRELUDE_TEXT_H

extern const char *const pr_parts[];
extern const unsigned pr_part_count;

#endif
