/* strdist.h: how far apart two short strings are, for "did you mean ...?" suggestions. */
#ifndef FP_BASE_STRDIST_H
#define FP_BASE_STRDIST_H

#include <stddef.h>

/* The Levenshtein distance between `a` and `b` (case-insensitively when `ignore_case`); 99
 * when either is longer than 48 characters (not worth suggesting). */
size_t fp_edit_distance(const char *a, const char *b, int ignore_case);

#endif
