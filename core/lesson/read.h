/* read.h: helpers the lesson's readers share (read.c, goals.c), over the scenario reader's
 * typed getters with JSON paths (scenario/reader.h). */
#ifndef FP_LESSON_READ_H
#define FP_LESSON_READ_H

#include <cjson/cJSON.h>

#include "lesson/lesson_int.h"
#include "scenario/reader.h"

/* Reads member `key` of `parent` as a text per locale ({"en": "...", "zh-Hans": "", "zh-Hant":
 * ""}, English required and not empty); absent is an error when `required`. 0 on a mistake. */
int lx_read_locales(rd *r, const cJSON *parent, const char *key, int required);

/* Reports, at the current path, that `value` is not one of `what`. */
void lx_unknown(rd *r, const char *id, const char *value);

/* The name of the scenario's filter whose name is the `length` bytes at `name` (in its base or
 * any variant), owned by the lesson's document; NULL when there is none. */
const char *lx_scenario_filter(const fp_lesson *l, const char *name, size_t length);

/* The number of operations thread `name` has in the scenario (the most over its variants),
 * or -1 when the scenario has no such thread. */
int lx_scenario_thread_ops(const fp_lesson *l, const char *name);

#endif
