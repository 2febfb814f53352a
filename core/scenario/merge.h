/* merge.h: JSON Merge Patch (RFC 7386), how a scenario's variants patch its base. */
#ifndef FP_SCENARIO_MERGE_H
#define FP_SCENARIO_MERGE_H

#include <cjson/cJSON.h>

/* Returns a new document: `target` with `patch` applied (objects merge member by member, null
 * removes a member, anything else replaces). NULL when memory runs out. Caller frees with
 * cJSON_Delete. */
cJSON *sc_merge_patch(const cJSON *target, const cJSON *patch);

#endif
