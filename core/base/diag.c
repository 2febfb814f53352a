#include "base/diag.h"

#include <stdarg.h>
#include <string.h>

fp_diags fp_diags_make(fp_alloc *a) {
  fp_diags d;
  memset(&d, 0, sizeof d);
  d.alloc = a;
  return d;
}

uint32_t fp_diags_add_file(fp_diags *d, const char *name) {
  char **files = fp_realloc(d->alloc, d->files, (d->file_count + 1) * sizeof *files);
  if (!files) return 0;
  d->files = files;
  char *copy = fp_strdup(d->alloc, name);
  if (!copy) return 0;
  d->files[d->file_count++] = copy;
  return (uint32_t)d->file_count;
}

void fp_diag_report(fp_diags *d, fp_severity severity, fp_span span, const char *id, ...) {
  if (severity == FP_SEV_ERROR) d->errors++;
  if (d->limit && d->count >= d->limit) {
    d->dropped++;
    return;
  }
  if (d->count == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 8;
    fp_diag *items = fp_realloc(d->alloc, d->items, cap * sizeof *items);
    if (!items) {
      d->out_of_memory = 1;
      return;
    }
    d->items = items;
    d->cap = cap;
  }
  fp_diag *g = &d->items[d->count];
  memset(g, 0, sizeof *g);
  g->severity = severity;
  g->id = id;
  g->span = span;
  va_list ap;
  va_start(ap, id);
  for (int i = 0; i < FP_DIAG_MAX_PARAMS; i++) {
    const char *name = va_arg(ap, const char *);
    if (!name) break;
    const char *value = va_arg(ap, const char *);
    g->names[i] = name;
    g->values[i] = fp_strdup(d->alloc, value ? value : "");
    if (!g->values[i]) d->out_of_memory = 1;
  }
  va_end(ap);
  d->count++;
}

void fp_diags_free(fp_diags *d) {
  for (size_t i = 0; i < d->count; i++)
    for (int k = 0; k < FP_DIAG_MAX_PARAMS; k++) fp_free(d->alloc, d->items[i].values[k]);
  for (size_t i = 0; i < d->file_count; i++) fp_free(d->alloc, d->files[i]);
  fp_free(d->alloc, d->items);
  fp_free(d->alloc, d->files);
  fp_alloc *a = d->alloc;
  *d = fp_diags_make(a);
}

const char *fp_severity_name(fp_severity s) {
  switch (s) {
  case FP_SEV_ERROR: return "error";
  case FP_SEV_WARNING: return "warning";
  case FP_SEV_NOTE: return "note";
  }
  return "error";
}
