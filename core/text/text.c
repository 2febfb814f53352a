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
  /* The built-in catalogue is several JSON objects, each followed by a NUL: merge them. */
  const char *p = (const char *)fp_catalogue_json, *end = p + fp_catalogue_json_len;
  fp_text *t = NULL;
  while (p < end) {
    size_t n = strlen(p);
    cJSON *part = cJSON_ParseWithLength(p, n);
    if (!cJSON_IsObject(part)) {
      cJSON_Delete(part);
      fp_text_free(t);
      return NULL;
    }
    if (!t) {
      t = fp_malloc(a, sizeof *t);
      if (!t) {
        cJSON_Delete(part);
        return NULL;
      }
      t->alloc = a;
      t->root = part;
    } else {
      while (part->child) {
        cJSON *item = cJSON_DetachItemViaPointer(part, part->child);
        if (!cJSON_AddItemToObject(t->root, item->string, item)) {
          /* The key could not be copied (memory ran out): the item is not attached. */
          cJSON_Delete(item);
          cJSON_Delete(part);
          fp_text_free(t);
          return NULL;
        }
      }
      cJSON_Delete(part);
    }
    p += n + 1;
  }
  return t;
}

void fp_text_free(fp_text *t) {
  if (!t) return;
  cJSON_Delete(t->root);
  fp_free(t->alloc, t);
}

size_t fp_text_count(const fp_text *t) { return t ? (size_t)cJSON_GetArraySize(t->root) : 0; }

const char *fp_text_id_at(const fp_text *t, size_t i) {
  const cJSON *item = t ? cJSON_GetArrayItem(t->root, (int)i) : NULL;
  return item ? item->string : NULL;
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
