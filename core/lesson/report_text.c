/* report_text.c: a check's report as text for a terminal (fp_lesson_report_text). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "lesson/report.h"

typedef struct writer {
  fp_buf out;
  fp_text *t;
  fp_alloc *a;
  const char *locale;
} writer;

/* Appends text `id` with up to four name/value parameters (NULL-terminated pairs). */
static void put(writer *w, const char *id, const char *n1, const char *v1, const char *n2, const char *v2,
                const char *n3, const char *v3) {
  const char *names[4] = { n1, n2, n3, NULL }, *values[4] = { v1, v2, v3, NULL };
  size_t count = 0;
  while (count < 3 && names[count]) count++;
  char *s = lx_render(w->t, w->a, id, w->locale, names, values, count);
  if (s) fp_buf_puts(&w->out, s);
  fp_free(w->a, s);
}

static const char *str(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

static void diagnostics(writer *w, const cJSON *list) {
  for (const cJSON *d = list ? list->child : NULL; d; d = d->next) {
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(d, "line");
    const char *file = str(d, "file");
    if (file[0] && cJSON_IsNumber(line))
      fp_buf_printf(&w->out, "%s:%d:%d: ", file, line->valueint,
                    cJSON_GetObjectItemCaseSensitive(d, "column") ? cJSON_GetObjectItemCaseSensitive(d, "column")->valueint : 0);
    else if (file[0])
      fp_buf_printf(&w->out, "%s: ", file);
    fp_buf_printf(&w->out, "%s: %s\n", str(d, "severity"), str(d, "message"));
  }
}

static void variants(writer *w, const cJSON *list) {
  for (const cJSON *v = list ? list->child : NULL; v; v = v->next) {
    char end[64], events[16];
    snprintf(end, sizeof end, "@lesson.end.%s", str(v, "end"));
    const cJSON *count = cJSON_GetObjectItemCaseSensitive(v, "events");
    snprintf(events, sizeof events, "%d", cJSON_IsNumber(count) ? count->valueint : 0);
    fp_buf_puts(&w->out, "  ");
    put(w, "lesson.report.variant", "name", str(v, "name"), "end", end, "events", events);
    const char *detail = str(v, "code")[0] ? str(v, "code") : str(v, "rule");
    if (detail[0]) fp_buf_printf(&w->out, " (%s)", detail);
    fp_buf_putc(&w->out, '\n');
  }
}

static void goal(writer *w, const cJSON *g) {
  const cJSON *passed = cJSON_GetObjectItemCaseSensitive(g, "passed");
  put(w, cJSON_IsNull(passed) ? "lesson.report.skip" : cJSON_IsTrue(passed) ? "lesson.report.pass" : "lesson.report.fail",
      NULL, NULL, NULL, NULL, NULL, NULL);
  fp_buf_printf(&w->out, "  %s: %s\n", str(g, "id"), str(g, "text"));
  const cJSON *results = cJSON_GetObjectItemCaseSensitive(g, "results");
  for (const cJSON *r = results ? results->child : NULL; r; r = r->next) {
    if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "passed"))) continue;
    const cJSON *step = cJSON_GetObjectItemCaseSensitive(r, "step");
    const char *message = str(cJSON_GetObjectItemCaseSensitive(r, "reason"), "message");
    fp_buf_puts(&w->out, "        ");
    if (cJSON_IsNumber(step)) {
      char s[16];
      snprintf(s, sizeof s, "%d", step->valueint);
      put(w, "lesson.report.failure", "variant", str(r, "variant"), "step", s, "reason", message);
    } else {
      put(w, "lesson.report.failure_nostep", "variant", str(r, "variant"), "reason", message, NULL, NULL);
    }
    fp_buf_putc(&w->out, '\n');
  }
}

char *fp_lesson_report_text(const fp_lesson_report *r) {
  if (!r) return NULL;
  fp_alloc a = fp_alloc_default();
  writer w = { fp_buf_make(&a), fp_text_load_builtin(&a), &a, r->locale };
  if (!w.t) return NULL;
  const cJSON *doc = r->doc;
  diagnostics(&w, cJSON_GetObjectItemCaseSensitive(doc, "diagnostics"));
  if (r->exit_code >= 2) {
    put(&w, r->exit_code == 2 ? "lesson.report.no_compile" : "lesson.report.bad_input", "lesson", str(doc, "lesson"),
        "solution", str(doc, "solution"), NULL, NULL);
    fp_buf_putc(&w.out, '\n');
  } else {
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "variants");
    char count[16];
    snprintf(count, sizeof count, "%d", cJSON_GetArraySize(list));
    put(&w, "lesson.report.header", "lesson", str(doc, "lesson"), "solution", str(doc, "solution"), "count", count);
    fp_buf_putc(&w.out, '\n');
    variants(&w, list);
    const cJSON *goals = cJSON_GetObjectItemCaseSensitive(doc, "goals");
    for (const cJSON *g = goals ? goals->child : NULL; g; g = g->next) goal(&w, g);
    const cJSON *passed = cJSON_GetObjectItemCaseSensitive(doc, "passed");
    char p[16], total[16];
    snprintf(p, sizeof p, "%d", cJSON_IsNumber(passed) ? passed->valueint : 0);
    snprintf(total, sizeof total, "%d", cJSON_GetArraySize(goals));
    put(&w, "lesson.report.summary", "passed", p, "total", total, NULL, NULL);
    fp_buf_putc(&w.out, '\n');
  }
  fp_text_free(w.t);
  char *s = fp_buf_take(&w.out);
  char *out = s ? malloc(strlen(s) + 1) : NULL;
  if (out) memcpy(out, s, strlen(s) + 1);
  fp_free(&a, s);
  return out;
}
