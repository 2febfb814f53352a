/* request.c: checking from one JSON request (fp_lesson_check_json), for hosts that speak
 * JSON: the WebAssembly binding and the browser's worker. */
#include <stdlib.h>
#include <string.h>

#include "fltplay/fltplay.h"
#include "lesson/lesson_int.h"
#include "lesson/report.h"

/* A report whose only content is one diagnostic about the request. */
static char *request_error(const char *id, const char *field, const char *locale) {
  fp_lesson_report *r = lx_report_new("", NULL, locale, 3);
  if (!r) return NULL;
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_diag_report(&d, FP_SEV_ERROR, (fp_span){ 0, 0, 0, 0, 0 }, id, "field", field, (const char *)NULL);
  lx_report_diagnostics(r, lx_diags_json(&d, locale));
  fp_diags_free(&d);
  char *json = fp_lesson_report_json(r);
  fp_lesson_report_free(r);
  return json;
}

static const char *string(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

char *fp_lesson_check_json(const char *request_json, size_t length) {
  cJSON *req = request_json ? cJSON_ParseWithLength(request_json, length) : NULL;
  if (!cJSON_IsObject(req)) {
    cJSON_Delete(req);
    return request_error("lesson.request.bad_json", "", "en");
  }
  const char *locale = string(req, "locale") ? string(req, "locale") : "en";
  const cJSON *lesson = cJSON_GetObjectItemCaseSensitive(req, "lesson");
  const cJSON *sources = cJSON_GetObjectItemCaseSensitive(req, "sources");
  const char *bad = !cJSON_IsString(lesson) && !cJSON_IsObject(lesson) ? "lesson"
                    : !string(req, "solution")                          ? "solution"
                    : sources && !cJSON_IsObject(sources)               ? "sources"
                                                                        : NULL;
  if (bad) {
    char *json = request_error("lesson.request.missing", bad, locale);
    cJSON_Delete(req);
    return json;
  }
  /* A lesson given as an object is read from its printed text (lines and columns are that text's). */
  char *printed = cJSON_IsObject(lesson) ? cJSON_Print(lesson) : NULL;
  const char *text = printed ? printed : cJSON_IsString(lesson) ? lesson->valuestring : "";
  fp_lesson *l = fp_lesson_parse(string(req, "lesson_name") ? string(req, "lesson_name") : "lesson.json", text, strlen(text));
  cJSON_free(printed);
  size_t count = (size_t)cJSON_GetArraySize(sources);
  fp_lesson_source_text *list = calloc(count + 1, sizeof *list);
  char *json = NULL;
  if (l && list) {
    size_t n = 0;
    for (const cJSON *s = sources ? sources->child : NULL; s && n < count; s = s->next)
      if (cJSON_IsString(s)) list[n++] = (fp_lesson_source_text){ s->string, s->valuestring, strlen(s->valuestring) };
    fp_lesson_check_request q;
    memset(&q, 0, sizeof q);
    q.solution = string(req, "solution");
    q.solution_length = strlen(q.solution);
    q.solution_name = string(req, "solution_name");
    q.sources = list;
    q.source_count = n;
    q.variant = string(req, "variant");
    q.locale = locale;
    fp_lesson_report *r = fp_lesson_check(l, &q);
    json = fp_lesson_report_json(r);
    fp_lesson_report_free(r);
  }
  free(list);
  fp_lesson_free(l);
  cJSON_Delete(req);
  return json;
}
