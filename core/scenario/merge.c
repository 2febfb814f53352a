/* merge.c: JSON Merge Patch (RFC 7386 §2). Recursion follows the patch's nesting, which
 * cJSON's parser already limits (CJSON_NESTING_LIMIT). */
#include "scenario/merge.h"

#include <string.h>

/* Applies `patch` to `target` in place (target is owned); returns the result or NULL. */
static cJSON *apply(cJSON *target, const cJSON *patch) {
  if (!cJSON_IsObject(patch)) {
    cJSON_Delete(target);
    return cJSON_Duplicate(patch, 1);
  }
  if (!cJSON_IsObject(target)) {
    cJSON_Delete(target);
    target = cJSON_CreateObject();
    if (!target) return NULL;
  }
  for (const cJSON *member = patch->child; member; member = member->next) {
    if (cJSON_IsNull(member)) {
      cJSON_DeleteItemFromObjectCaseSensitive(target, member->string);
      continue;
    }
    cJSON *old = cJSON_DetachItemFromObjectCaseSensitive(target, member->string);
    cJSON *merged = apply(old, member);
    if (!merged) {
      cJSON_Delete(target);
      return NULL;
    }
    if (!cJSON_AddItemToObject(target, member->string, merged)) {
      cJSON_Delete(merged);
      cJSON_Delete(target);
      return NULL;
    }
  }
  return target;
}

cJSON *sc_merge_patch(const cJSON *target, const cJSON *patch) {
  cJSON *copy = target ? cJSON_Duplicate(target, 1) : NULL;
  if (target && !copy) return NULL;
  return apply(copy, patch);
}
