/* jsonloc.h: where a value sits in JSON text, so that a scenario's diagnostics carry the
 * line and column of the mistake (cJSON keeps no positions). */
#ifndef FP_SCENARIO_JSONLOC_H
#define FP_SCENARIO_JSONLOC_H

#include <stddef.h>
#include <stdint.h>

/* One step of a JSON path: an object member (`key` != NULL) or an array element (`index`). */
typedef struct sc_seg {
  const char *key;
  int index;
} sc_seg;

/* Finds the value at `path` (`depth` steps) in `text` (or, with `at_key`, the key naming the
 * last step); on success stores its 1-based line and column and returns 1; returns 0 when the
 * path is not in the text. Never recurses on the text's own nesting. */
int sc_json_locate(const char *text, size_t length, const sc_seg *path, size_t depth, int at_key, uint32_t *line,
                   uint32_t *col);

/* The line and column of a JSON syntax error, from where cJSON stopped (`end`, NULL = the
 * end of the text): on the offending token rather than the whitespace after it. */
void sc_json_error_position(const char *text, size_t length, const char *end, uint32_t *line, uint32_t *col);

#endif
