/* reader.c: typed getters with JSON paths (reader.h). */
#include "scenario/reader.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/strdist.h"
#include "nt/nt.h"

void rd_push_key(rd *r, const char *key) {
  if (r->depth < RD_MAX_DEPTH) r->path[r->depth] = (sc_seg){ key, -1 };
  r->depth++;
}

void rd_push_index(rd *r, int index) {
  if (r->depth < RD_MAX_DEPTH) r->path[r->depth] = (sc_seg){ NULL, index };
  r->depth++;
}

void rd_pop(rd *r) {
  if (r->depth) r->depth--;
}

#if defined(__GNUC__)
__attribute__((format(printf, 4, 5)))
#endif
static void append(char *out, size_t cap, size_t *len, const char *fmt, ...) {
  if (*len >= cap) return;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(out + *len, cap - *len, fmt, ap);
  va_end(ap);
  if (n > 0) *len += (size_t)n < cap - *len ? (size_t)n : cap - *len - 1;
}

static void render_path(const sc_seg *segs, size_t depth, char *out, size_t cap, size_t *len) {
  append(out, cap, len, "$");
  for (size_t i = 0; i < depth && i < RD_MAX_DEPTH; i++) {
    if (segs[i].key) append(out, cap, len, ".%s", segs[i].key);
    else append(out, cap, len, "[%d]", segs[i].index);
  }
}

static void report(rd *r, int at_key, const char *id, va_list ap) {
  size_t depth = r->depth < RD_MAX_DEPTH ? r->depth : RD_MAX_DEPTH;
  char path[512];
  size_t len = 0;
  fp_span span = { r->file, 0, 0, 0, 0 };
  int located = 0;
  if (r->variant) {
    /* A variant's value is found in its patch when the patch set it, else in the base. */
    sc_seg full[RD_MAX_DEPTH + 3] = { { "variants", -1 }, { NULL, r->variant_index }, { "patch", -1 } };
    memcpy(full + 3, r->path, depth * sizeof *full);
    if (sc_json_locate(r->text, r->length, full, depth + 3, at_key, &span.line, &span.col)) {
      render_path(full, depth + 3, path, sizeof path, &len);
      located = 1;
    }
  }
  if (!located) {
    render_path(r->path, depth, path, sizeof path, &len);
    if (r->variant) append(path, sizeof path, &len, " (variant \"%s\")", r->variant);
    if (!sc_json_locate(r->text, r->length, r->path, depth, at_key, &span.line, &span.col)) span.line = span.col = 0;
  }
  span.end_line = span.line;
  span.end_col = span.col;
  const char *n1 = va_arg(ap, const char *);
  const char *v1 = n1 ? va_arg(ap, const char *) : NULL;
  const char *n2 = n1 ? va_arg(ap, const char *) : NULL;
  const char *v2 = n2 ? va_arg(ap, const char *) : NULL;
  fp_diag_report(r->diags, FP_SEV_ERROR, span, id, "path", path, n1, v1, n2, v2, (const char *)NULL);
  r->errors++;
}

void rd_error(rd *r, const char *id, ...) {
  va_list ap;
  va_start(ap, id);
  report(r, 0, id, ap);
  va_end(ap);
}

/* Reports at the key of the current path (for a member that should not be there). */
static void key_error(rd *r, const char *id, ...) {
  va_list ap;
  va_start(ap, id);
  report(r, 1, id, ap);
  va_end(ap);
}

/* A short description of a JSON value for "found ..." in messages. */
static const char *kind_of(const cJSON *v) {
  if (cJSON_IsNull(v)) return "null";
  if (cJSON_IsBool(v)) return "a boolean";
  if (cJSON_IsNumber(v)) return "a number";
  if (cJSON_IsString(v)) return "a string";
  if (cJSON_IsArray(v)) return "an array";
  return "an object";
}

static void expected(rd *r, const char *key, const char *what, const cJSON *found) {
  rd_push_key(r, key);
  rd_error(r, "scenario.expected", "expected", what, "found", kind_of(found), (const char *)NULL);
  rd_pop(r);
}

int rd_check_object(rd *r, const cJSON *obj, const char *const *allowed) {
  if (!cJSON_IsObject(obj)) {
    rd_error(r, "scenario.expected", "expected", "an object", "found", kind_of(obj), (const char *)NULL);
    return 0;
  }
  int ok = 1;
  for (const cJSON *m = obj->child; m; m = m->next) {
    if (strcmp(m->string, "$comment") == 0) continue;
    const char *best = NULL;
    size_t best_distance = 3;
    int known = 0;
    for (const char *const *a = allowed; *a; a++) {
      if (strcmp(*a, m->string) == 0) known = 1;
      size_t d = fp_edit_distance(*a, m->string, 0);
      if (d < best_distance) {
        best_distance = d;
        best = *a;
      }
    }
    if (known) continue;
    rd_push_key(r, m->string);
    if (best) key_error(r, "scenario.unknown_field_suggest", "field", m->string, "suggestion", best, (const char *)NULL);
    else rd_error(r, "scenario.unknown_field", "field", m->string, (const char *)NULL);
    rd_pop(r);
    ok = 0;
  }
  return ok;
}

int rd_bool(rd *r, const cJSON *obj, const char *key, int dflt, int *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v) return 1;
  if (!cJSON_IsBool(v)) {
    expected(r, key, "true or false", v);
    return 0;
  }
  *out = cJSON_IsTrue(v);
  return 1;
}

/* Reads an unsigned integer from a JSON number or a "0x..." / decimal string. */
static int to_u64(const cJSON *v, uint64_t *out) {
  if (cJSON_IsNumber(v)) {
    double d = v->valuedouble;
    if (!(d >= 0) || d > 9007199254740992.0 || floor(d) != d) return 0;
    *out = (uint64_t)d;
    return 1;
  }
  if (cJSON_IsString(v) && v->valuestring[0]) {
    const char *s = v->valuestring;
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const char *digits = hex ? s + 2 : s;
    if (!*digits || strlen(digits) > (hex ? 16u : 20u)) return 0;
    for (const char *p = digits; *p; p++)
      if (!(hex ? strchr("0123456789abcdefABCDEF", *p) : strchr("0123456789", *p))) return 0;
    char *end = NULL;
    unsigned long long value = strtoull(digits, &end, hex ? 16 : 10);
    if (!end || *end) return 0;
    *out = (uint64_t)value;
    return 1;
  }
  return 0;
}

int rd_u64(rd *r, const cJSON *obj, const char *key, uint64_t max, uint64_t dflt, uint64_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v) return 1;
  uint64_t value;
  if (!to_u64(v, &value) || value > max) {
    char what[96];
    snprintf(what, sizeof what, "an integer from 0 to %" PRIu64, max);
    expected(r, key, what, v);
    return 0;
  }
  *out = value;
  return 1;
}

int rd_u32(rd *r, const cJSON *obj, const char *key, uint32_t max, uint32_t dflt, uint32_t *out) {
  uint64_t v;
  int ok = rd_u64(r, obj, key, max, dflt, &v);
  *out = (uint32_t)v;
  return ok;
}

int rd_string(rd *r, const cJSON *obj, const char *key, int required, const char **out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = NULL;
  if (!v) {
    if (!required) return 1;
    rd_error(r, "scenario.missing", "field", key, (const char *)NULL);
    return 0;
  }
  if (!cJSON_IsString(v)) {
    expected(r, key, "a string", v);
    return 0;
  }
  *out = v->valuestring;
  return 1;
}

int rd_enum(rd *r, const cJSON *obj, const char *key, const char *const *names, int dflt, int *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v) return 1;
  if (cJSON_IsString(v))
    for (int i = 0; names[i]; i++)
      if (strcmp(names[i], v->valuestring) == 0) {
        *out = i;
        return 1;
      }
  char what[256];
  size_t len = 0;
  append(what, sizeof what, &len, "one of");
  for (int i = 0; names[i]; i++) append(what, sizeof what, &len, "%s \"%s\"", i ? "," : "", names[i]);
  expected(r, key, what, v);
  return 0;
}

/* Looks up one constant name; 0 when unknown. */
static int constant_value(const char *name, size_t len, uint32_t *out) {
  char buf[96];
  if (len == 0 || len >= sizeof buf) return 0;
  memcpy(buf, name, len);
  buf[len] = 0;
  uint64_t number;
  cJSON tmp;
  memset(&tmp, 0, sizeof tmp);
  tmp.type = cJSON_String;
  tmp.valuestring = buf;
  if (to_u64(&tmp, &number) && number <= UINT32_MAX) {
    *out = (uint32_t)number;
    return 1;
  }
  const fp_nt_constant *c = fp_nt_constant_find(buf);
  if (!c) return 0;
  *out = (uint32_t)c->value;
  return 1;
}

static void unknown_constant(rd *r, const char *key, const char *name, size_t len) {
  char buf[96];
  snprintf(buf, sizeof buf, "%.*s", (int)(len < 90 ? len : 90), name);
  rd_push_key(r, key);
  rd_error(r, "scenario.unknown_constant", "name", buf, (const char *)NULL);
  rd_pop(r);
}

/* Adds the '|'-separated names of `s` to *out. */
static int flags_from_string(rd *r, const char *key, const char *s, uint32_t *out) {
  const char *p = s;
  for (;;) {
    while (*p == ' ') p++;
    const char *end = p;
    while (*end && *end != '|') end++;
    const char *last = end;
    while (last > p && last[-1] == ' ') last--;
    uint32_t value;
    if (!constant_value(p, (size_t)(last - p), &value)) {
      unknown_constant(r, key, p, (size_t)(last - p));
      return 0;
    }
    *out |= value;
    if (!*end) return 1;
    p = end + 1;
  }
}

int rd_flags(rd *r, const cJSON *obj, const char *key, uint32_t dflt, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v) return 1;
  uint64_t number;
  if (cJSON_IsNumber(v)) {
    if (!to_u64(v, &number) || number > UINT32_MAX) {
      expected(r, key, "a 32-bit flags word", v);
      return 0;
    }
    *out = (uint32_t)number;
    return 1;
  }
  *out = 0;
  if (cJSON_IsString(v)) return flags_from_string(r, key, v->valuestring, out);
  if (cJSON_IsArray(v)) {
    for (const cJSON *item = v->child; item; item = item->next) {
      if (!cJSON_IsString(item)) {
        expected(r, key, "an array of WDK constant names", v);
        return 0;
      }
      if (!flags_from_string(r, key, item->valuestring, out)) return 0;
    }
    return 1;
  }
  expected(r, key, "WDK constant names joined by '|', or a number", v);
  return 0;
}

int rd_constant(rd *r, const cJSON *obj, const char *key, uint32_t dflt, uint32_t *out) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  *out = dflt;
  if (!v) return 1;
  if (cJSON_IsString(v)) {
    if (constant_value(v->valuestring, strlen(v->valuestring), out)) return 1;
    unknown_constant(r, key, v->valuestring, strlen(v->valuestring));
    return 0;
  }
  uint64_t number;
  if (to_u64(v, &number) && number <= UINT32_MAX) {
    *out = (uint32_t)number;
    return 1;
  }
  expected(r, key, "a WDK constant name or a number", v);
  return 0;
}
