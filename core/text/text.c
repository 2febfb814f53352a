#include "text/text.h"

#include <cjson/cJSON.h>
#include <string.h>

#include "base/buf.h"

struct fp_text {
  fp_alloc *alloc;
  cJSON *root;
};

extern const unsigned char fp_catalogue_json[];
extern const unsigned long fp_catalogue_json_len;

fp_text *fp_text_load(fp_alloc *a, const char *json, size_t length) {
  cJSON *root = cJSON_ParseWithLength(json, length);
  if (!cJSON_IsObject(root)) {
    cJSON_Delete(root);
    return NULL;
  }
  fp_text *t = fp_malloc(a, sizeof *t);
  if (!t) {
    cJSON_Delete(root);
    return NULL;
  }
  t->alloc = a;
  t->root = root;
  return t;
}

fp_text *fp_text_load_builtin(fp_alloc *a) {
  return fp_text_load(a, (const char *)fp_catalogue_json, (size_t)fp_catalogue_json_len);
}

void fp_text_free(fp_text *t) {
  if (!t) return;
  cJSON_Delete(t->root);
  fp_free(t->alloc, t);
}

const char *fp_text_template(const fp_text *t, const char *id, const char *locale) {
  const cJSON *entry = cJSON_GetObjectItemCaseSensitive(t->root, id);
  if (!cJSON_IsObject(entry)) return NULL;
  const cJSON *slot = locale ? cJSON_GetObjectItemCaseSensitive(entry, locale) : NULL;
  if (cJSON_IsString(slot) && slot->valuestring[0]) return slot->valuestring;
  slot = cJSON_GetObjectItemCaseSensitive(entry, "en");
  return cJSON_IsString(slot) ? slot->valuestring : NULL;
}

char *fp_text_render(const fp_text *t, fp_alloc *a, const char *id, const char *locale,
                     const char *const *names, const char *const *values, size_t count) {
  const char *tmpl = t ? fp_text_template(t, id, locale) : NULL;
  if (!tmpl) tmpl = id;
  fp_buf b = fp_buf_make(a);
  for (const char *p = tmpl; *p;) {
    if (*p == '{') {
      const char *close = strchr(p, '}');
      if (close) {
        size_t n = (size_t)(close - p - 1);
        size_t i = 0;
        while (i < count && !(strlen(names[i]) == n && strncmp(names[i], p + 1, n) == 0)) i++;
        if (i < count) {
          fp_buf_puts(&b, values[i] ? values[i] : "");
          p = close + 1;
          continue;
        }
      }
    }
    fp_buf_putc(&b, *p++);
  }
  return fp_buf_take(&b);
}

char *fp_text_render_diag(const fp_text *t, fp_alloc *a, const fp_diags *d, const fp_diag *g,
                          const char *locale) {
  size_t count = 0;
  while (count < FP_DIAG_MAX_PARAMS && g->names[count]) count++;
  char *message = fp_text_render(t, a, g->id, locale, g->names, (const char *const *)g->values, count);
  if (!message) return NULL;
  fp_buf b = fp_buf_make(a);
  if (g->span.line) {
    const char *file = g->span.file && g->span.file <= d->file_count ? d->files[g->span.file - 1] : "<input>";
    fp_buf_printf(&b, "%s:%u:%u: ", file, (unsigned)g->span.line, (unsigned)g->span.col);
  }
  fp_buf_printf(&b, "%s: %s", fp_severity_name(g->severity), message);
  fp_free(a, message);
  return fp_buf_take(&b);
}
