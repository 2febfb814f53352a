/* explain.c: `fltplay explain TOPIC`: a rule's or a bug check's texts from the catalogue,
 * rendered as plain text (fltplay.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/buf.h"
#include "base/strdist.h"
#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "nt/nt_bugcheck.h"
#include "text/text.h"

typedef struct ex {
  fp_alloc alloc;
  fp_text *text;
  const char *locale;
  fp_buf out;
} ex;

/* Appends the catalogue text `id` (with one optional parameter) and a newline. */
static void put_text(ex *x, const char *id, const char *name, const char *value) {
  const char *names[1] = { name }, *values[1] = { value };
  char *s = fp_text_render(x->text, &x->alloc, id, x->locale, names, values, name ? 1 : 0);
  if (!s) {
    x->out.failed = 1;
    return;
  }
  fp_buf_puts(&x->out, s);
  fp_buf_putc(&x->out, '\n');
  fp_free(&x->alloc, s);
}

/* Appends "Heading\n  text\n\n" for catalogue entries `heading` and `body`. */
static void put_section(ex *x, const char *heading, const char *body) {
  const char *h = fp_text_template(x->text, heading, x->locale);
  const char *b = fp_text_template(x->text, body, x->locale);
  if (!b) return;
  fp_buf_printf(&x->out, "\n%s\n  %s\n", h ? h : heading, b);
}

static void explain_rule(ex *x, const fp_rule_info *r) {
  char id[96];
  snprintf(id, sizeof id, "rule.%s.title", r->id);
  const char *title = fp_text_template(x->text, id, x->locale);
  fp_buf_printf(&x->out, "%s: %s\n", r->id, title ? title : "");
  char kind[64];
  snprintf(kind, sizeof kind, "cli.explain.kind.%s", r->kind);
  put_text(x, kind, "label", r->label);
  snprintf(id, sizeof id, "rule.%s.why", r->id);
  put_section(x, "cli.explain.why", id);
  snprintf(id, sizeof id, "rule.%s.fix", r->id);
  put_section(x, "cli.explain.fix", id);
  fp_buf_putc(&x->out, '\n');
  put_text(x, "cli.explain.source", "url", r->link);
}

static void explain_bugcheck(ex *x, const fp_nt_bugcheck *b) {
  char id[64];
  snprintf(id, sizeof id, "bugcheck.0x%X.title", (unsigned)b->code);
  const char *title = fp_text_template(x->text, id, x->locale);
  fp_buf_printf(&x->out, "%s\n", title ? title : b->name);
  const char *h = fp_text_template(x->text, "cli.explain.parameters", x->locale);
  const char *none = fp_text_template(x->text, "cli.explain.undocumented", x->locale);
  fp_buf_printf(&x->out, "\n%s\n", h ? h : "Parameters");
  for (int i = 0; i < 4; i++) fp_buf_printf(&x->out, "  P%d  %s\n", i + 1, b->param[i] ? b->param[i] : (none ? none : "-"));
  snprintf(id, sizeof id, "bugcheck.0x%X.why", (unsigned)b->code);
  put_section(x, "cli.explain.why", id);
  snprintf(id, sizeof id, "bugcheck.0x%X.fix", (unsigned)b->code);
  put_section(x, "cli.explain.fix", id);
  fp_buf_putc(&x->out, '\n');
  put_text(x, "cli.explain.source", "url", b->url);
}

/* The bug check that `topic` names ("0xD1", "D1" is not accepted, or its name), or NULL. */
static const fp_nt_bugcheck *find_bugcheck(const char *topic) {
  if (topic[0] == '0' && (topic[1] == 'x' || topic[1] == 'X') && topic[2]) {
    char *end = NULL;
    unsigned long code = strtoul(topic + 2, &end, 16);
    if (end && !*end && code <= 0xFFFFFFFFul) return fp_nt_bugcheck_find((uint32_t)code);
    return NULL;
  }
  for (size_t i = 0; i < fp_nt_bugcheck_count(); i++) {
    const fp_nt_bugcheck *b = fp_nt_bugcheck_at(i);
    size_t k = 0;
    while (b->name[k] && topic[k] && toupper((unsigned char)topic[k]) == b->name[k]) k++;
    if (!b->name[k] && !topic[k]) return b;
  }
  return NULL;
}

static void unknown(ex *x, const char *topic) {
  put_text(x, "cli.explain.unknown", "topic", topic);
  char names[256] = "";
  size_t len = 0;
  int found = 0;
  for (size_t d = 0; d <= 2 && found < 3; d++)
    for (size_t i = 0; i < fp_rule_count() && found < 3; i++) {
      const char *id = fp_rule_id_at(i);
      if (fp_edit_distance(id, topic, 1) != d) continue;
      int n = snprintf(names + len, sizeof names - len, "%s%s", found ? ", " : "", id);
      if (n > 0 && (size_t)n < sizeof names - len) len += (size_t)n;
      found++;
    }
  if (found) put_text(x, "cli.explain.did_you_mean", "names", names);
  put_text(x, "cli.explain.list_hint", NULL, NULL);
}

int fp_explain(const char *topic, const char *locale, char **out) {
  *out = NULL;
  ex x;
  x.alloc = fp_alloc_default();
  x.text = fp_text_load_builtin(&x.alloc);
  x.locale = locale ? locale : "en";
  x.out = fp_buf_make(&x.alloc);
  if (!x.text) return 0;
  fp_rule_info rule;
  const fp_nt_bugcheck *bugcheck = NULL;
  int found = 1;
  if (topic && fp_rule_info_get(topic, &rule)) explain_rule(&x, &rule);
  else if (topic && (bugcheck = find_bugcheck(topic)) != NULL) explain_bugcheck(&x, bugcheck);
  else {
    unknown(&x, topic ? topic : "");
    found = 0;
  }
  char *text = fp_buf_take(&x.out);
  if (text) { /* fp_string_free releases with free() */
    size_t n = strlen(text) + 1;
    if ((*out = malloc(n)) != NULL) memcpy(*out, text, n);
  }
  fp_free(&x.alloc, text);
  fp_text_free(x.text);
  return found;
}

/* Adds catalogue text `id` as member `name` when the catalogue has it. */
static void add_text(cJSON *o, const fp_text *text, const char *name, const char *id, const char *locale) {
  const char *value = fp_text_template(text, id, locale);
  if (value) cJSON_AddStringToObject(o, name, value);
}

char *fp_explain_json(const char *topic, const char *locale) {
  fp_alloc a = fp_alloc_default();
  fp_text *text = fp_text_load_builtin(&a);
  cJSON *o = cJSON_CreateObject();
  if (!text || !o) {
    fp_text_free(text);
    cJSON_Delete(o);
    return NULL;
  }
  const char *l = locale ? locale : "en";
  fp_rule_info rule;
  const fp_nt_bugcheck *b = NULL;
  char id[96];
  if (topic && fp_rule_info_get(topic, &rule)) {
    cJSON_AddTrueToObject(o, "ok");
    cJSON_AddStringToObject(o, "kind", "rule");
    cJSON_AddStringToObject(o, "id", rule.id);
    cJSON_AddStringToObject(o, "rule_kind", rule.kind);
    cJSON_AddStringToObject(o, "label", rule.label);
    cJSON_AddStringToObject(o, "link", rule.link);
    const char *parts[] = { "title", "why", "fix" };
    for (int i = 0; i < 3; i++) {
      snprintf(id, sizeof id, "rule.%s.%s", rule.id, parts[i]);
      add_text(o, text, parts[i], id, l);
    }
  } else if (topic && (b = find_bugcheck(topic)) != NULL) {
    cJSON_AddTrueToObject(o, "ok");
    cJSON_AddStringToObject(o, "kind", "bugcheck");
    snprintf(id, sizeof id, "0x%X", (unsigned)b->code);
    cJSON_AddStringToObject(o, "id", id);
    cJSON_AddStringToObject(o, "name", b->name);
    cJSON_AddStringToObject(o, "link", b->url);
    cJSON *params = cJSON_AddArrayToObject(o, "parameters");
    for (int i = 0; params && i < 4; i++) cJSON_AddItemToArray(params, b->param[i] ? cJSON_CreateString(b->param[i]) : cJSON_CreateNull());
    const char *parts[] = { "title", "why", "fix" };
    for (int i = 0; i < 3; i++) {
      snprintf(id, sizeof id, "bugcheck.0x%X.%s", (unsigned)b->code, parts[i]);
      add_text(o, text, parts[i], id, l);
    }
  } else {
    cJSON_AddFalseToObject(o, "ok");
    cJSON *error = cJSON_AddObjectToObject(o, "error");
    if (error) {
      cJSON_AddStringToObject(error, "code", "explain.unknown");
      cJSON_AddStringToObject(error, "message", "there is no rule or bug check by that name");
    }
  }
  fp_text_free(text);
  char *out = cJSON_PrintUnformatted(o);
  cJSON_Delete(o);
  return out;
}
