/* trace_text.c: the trace as a readable log (fltplay run --format text):
 *
 *   [   12] T4 app                PASSIVE_LEVEL    A: PreOperation IRP_MJ_READ (PreREAD)
 *   [   13] T4 app                PASSIVE_LEVEL      -> FLT_PREOP_SUCCESS_WITH_CALLBACK
 *
 * Each line: the time, the thread (or "DPC on <thread>"), the IRQL, then the event, indented
 * two spaces per callback in progress on that thread. It renders the same JSON fields as the
 * trace format, so the two never disagree. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "engine/engine_int.h"
#include "fltplay/fltplay.h"

static const char *str(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

static int num(const cJSON *o, const char *key, int fallback) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsNumber(v) ? v->valueint : fallback;
}

/* The event's own fields (everything after the common ones) as key=value. */
static void rest(fp_buf *b, const cJSON *ev) {
  static const char *const common[] = { "seq", "t", "kind", "thread", "irql", "dpc", "instance", "op", "request", NULL };
  for (const cJSON *f = ev->child; f; f = f->next) {
    int skip = 0;
    for (int i = 0; common[i]; i++) skip |= strcmp(f->string, common[i]) == 0;
    if (skip) continue;
    char *v = cJSON_IsString(f) ? NULL : cJSON_PrintUnformatted(f);
    fp_buf_printf(b, " %s=%s", f->string, v ? v : f->valuestring);
    cJSON_free(v);
  }
}

char *fp_engine_trace_text(const fp_engine *e) {
  if (!e) return NULL;
  char *json = fp_engine_trace_json(e, 0, 0);
  cJSON *root = json ? cJSON_Parse(json) : NULL;
  free(json);
  if (!root) return NULL;
  fp_alloc a = fp_alloc_default();
  fp_buf b = fp_buf_make(&a);
  const cJSON *threads = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "header"), "threads");
  const cJSON *drivers = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "header"), "drivers");
  const cJSON *instances = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "header"), "instances");
  int depth[ENG_MAX_THREADS] = { 0 };
  const cJSON *ev;
  cJSON_ArrayForEach(ev, cJSON_GetObjectItemCaseSensitive(root, "events")) {
    int th = num(ev, "thread", -1);
    const char *kind = str(ev, "kind");
    if (strcmp(kind, "callback_exit") == 0 && th >= 0 && th < ENG_MAX_THREADS && depth[th] > 0) depth[th]--;
    const cJSON *tj = th >= 0 ? cJSON_GetArrayItem(threads, th) : NULL;
    char who[64];
    snprintf(who, sizeof who, "%s%s", cJSON_GetObjectItemCaseSensitive(ev, "dpc") ? "DPC on " : "",
             tj ? str(tj, "name") : "-");
    fp_buf_printf(&b, "[%5d] %-26s %-15s ", num(ev, "t", 0), who, str(ev, "irql"));
    for (int i = 0; th >= 0 && th < ENG_MAX_THREADS && i < depth[th]; i++) fp_buf_puts(&b, "  ");
    int inst = num(ev, "instance", -1);
    if (inst >= 0) {
      const cJSON *ij = cJSON_GetArrayItem(instances, inst);
      const cJSON *dj = ij ? cJSON_GetArrayItem(drivers, num(ij, "driver", 0)) : NULL;
      fp_buf_printf(&b, "%s: ", dj ? str(dj, "name") : "?");
    }
    fp_buf_puts(&b, kind);
    if (num(ev, "op", -1) >= 0) fp_buf_printf(&b, " op=%d", num(ev, "op", -1));
    rest(&b, ev);
    fp_buf_putc(&b, '\n');
    if (strcmp(kind, "callback_enter") == 0 && th >= 0 && th < ENG_MAX_THREADS) depth[th]++;
  }
  cJSON_Delete(root);
  char *text = fp_buf_take(&b);
  if (!text) return NULL;
  /* Copy into a block that fp_string_free releases (the C library's). */
  size_t n = strlen(text) + 1;
  char *out = malloc(n);
  if (out) memcpy(out, text, n);
  fp_free(&a, text);
  return out;
}
