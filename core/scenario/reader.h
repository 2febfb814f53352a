/* reader.h: typed reading of a scenario's JSON with the path of every value, so that each
 * mistake is reported once, through fp_diag_report, as "$.threads[0].ops[2].length: expected
 * ..." at the value's line and column. */
#ifndef FP_SCENARIO_READER_H
#define FP_SCENARIO_READER_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "scenario/jsonloc.h"

#define RD_MAX_DEPTH 16

typedef struct rd {
  fp_diags *diags;
  uint32_t file;             /* the scenario's file index in diags */
  const char *text;          /* the scenario's text (for line and column) */
  size_t length;
  const char *variant;       /* the variant being read (NULL: the base) */
  int variant_index;         /* its index in $.variants (to find patched values) */
  sc_seg path[RD_MAX_DEPTH];
  size_t depth;
  size_t errors;
} rd;

/* Enters member `key` / element `index` of the current value (for the path of reports). */
void rd_push_key(rd *r, const char *key);
void rd_push_index(rd *r, int index);
void rd_pop(rd *r);

/* Reports an error at the current path with text `id` and up to two more parameters
 * (name/value pairs ending with NULL); the path is the parameter "path". */
void rd_error(rd *r, const char *id, ...);

/* Checks that `obj` (at the current path) is an object whose members are all in `allowed`
 * (a NULL-terminated list; "$comment" is always allowed); reports each other member. */
int rd_check_object(rd *r, const cJSON *obj, const char *const *allowed);

/* Each getter reads member `key` of `obj`: absent gives the default and returns 1; a value of
 * the wrong kind is reported and returns 0. */
int rd_bool(rd *r, const cJSON *obj, const char *key, int dflt, int *out);
int rd_u64(rd *r, const cJSON *obj, const char *key, uint64_t max, uint64_t dflt, uint64_t *out);
int rd_u32(rd *r, const cJSON *obj, const char *key, uint32_t max, uint32_t dflt, uint32_t *out);
/* A string; `required` reports its absence. *out is NULL when absent and not required. */
int rd_string(rd *r, const cJSON *obj, const char *key, int required, const char **out);
/* One of `names` (NULL-terminated); stores its index. */
int rd_enum(rd *r, const cJSON *obj, const char *key, const char *const *names, int dflt, int *out);
/* A flags word: a number, a string of WDK constant names joined by '|', or an array of names. */
int rd_flags(rd *r, const cJSON *obj, const char *key, uint32_t dflt, uint32_t *out);
/* One WDK constant by name (e.g. FileBasicInformation) or a number. */
int rd_constant(rd *r, const cJSON *obj, const char *key, uint32_t dflt, uint32_t *out);

#endif
