/* text.h: the text catalogue (the JSON files of core/text, merged): every string a learner reads, keyed by ID,
 * with English, Simplified Chinese and Traditional Chinese slots (an empty slot falls back
 * to English). The core emits IDs and parameters; hosts render them with this module.
 * Ownership: fp_text_free releases a catalogue; rendered strings are freed with fp_free. */
#ifndef FP_TEXT_TEXT_H
#define FP_TEXT_TEXT_H

#include <stddef.h>

#include "base/alloc.h"
#include "base/diag.h"

typedef struct fp_text fp_text;

/* Parses a catalogue from JSON; NULL if it is malformed or memory runs out.
 * Caller frees with fp_text_free. */
fp_text *fp_text_load(fp_alloc *a, const char *json, size_t length);

/* Parses the catalogue built into this binary. Caller frees with fp_text_free. */
fp_text *fp_text_load_builtin(fp_alloc *a);

/* Releases a catalogue; NULL is allowed. */
void fp_text_free(fp_text *t);

/* The number of entries (IDs) in the catalogue. */
size_t fp_text_count(const fp_text *t);

/* The ID of entry `i`, or NULL. Owned by `t`. */
const char *fp_text_id_at(const fp_text *t, size_t i);

/* The template for `id` in `locale` ("en", "zh-Hans", "zh-Hant"; English when the slot is
 * empty or the locale unknown); NULL when the ID is not in the catalogue. Owned by `t`. */
const char *fp_text_template(const fp_text *t, const char *id, const char *locale);

/* Fills {name} parameters of `id`'s template from name/value pairs (`names`/`values`,
 * `count` of them); an unknown ID renders as the ID itself. Caller frees with fp_free. */
char *fp_text_render(const fp_text *t, fp_alloc *a, const char *id, const char *locale,
                     const char *const *names, const char *const *values, size_t count);

/* Renders a diagnostic as "file:line:col: severity: message" (the location is left out when
 * the diagnostic has none). Caller frees with fp_free. */
char *fp_text_render_diag(const fp_text *t, fp_alloc *a, const fp_diags *d, const fp_diag *g,
                          const char *locale);

#endif
