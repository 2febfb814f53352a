/* core/text/rules.json: every rule, bug check and violation label the engine can report has its
 * texts, and every entry of the catalogue is well formed. Each checker collects what it finds
 * (naming the ID); the last cases run the checkers on broken catalogues to show each can fail. */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rules.h"
#include "nt/nt.h"
#include "text/text.h"
#include "check.h"

/* The built-in catalogue as embedded by the build: each JSON file of core/text followed by a NUL. */
extern const unsigned char fp_catalogue_json[];
extern const unsigned long fp_catalogue_json_len;

/* Labels the engine passes to rules_violation besides those of RULES(X) (the catalogue's
 * suggested names for the other DCPWS-5 cases, and the engine's own for a bad post-op status
 * and a bad FltCompletePendedPreOperation status). */
static const char *const extra_labels[] = {
  "IRQL-TOO-HIGH", "UNKNOWN-POSTOP-STATUS", "CPPRE-INVALID-STATUS", "DCPWS-NOT-IN-POSTOP", "DCPWS-WHILE-DRAINING", "DCPWS-RESULT-IGNORED", "CPPRE-NOT-PENDED",
  "CPPOST-NOT-PENDED",
};

static const char *const parts[] = { "title", "why", "fix" };
static const char *const slots[] = { "en", "zh-Hans", "zh-Hant" };

#define COUNT_(a) (sizeof(a) / sizeof((a)[0]))

/* What a checker found: the number of problems and their descriptions, each naming its ID. */
typedef struct findings {
  int count;
  char text[4096];
} findings;

static void note(findings *f, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void note(findings *f, const char *fmt, ...) {
  size_t used = strlen(f->text);
  f->count++;
  if (used + 2 >= sizeof f->text) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(f->text + used, sizeof f->text - used - 1, fmt, ap);
  va_end(ap);
  used = strlen(f->text);
  if (used + 2 < sizeof f->text) strcat(f->text, "; ");
}

/* Fails the running case with every finding (the missing IDs named). */
static void report(check_ctx *t, const findings *f, int line) {
  if (!f->count) return;
  char m[4300];
  snprintf(m, sizeof m, "%d problem(s): %s", f->count, f->text);
  check_fail_(t, __FILE__, line, m);
}

static void need_english(const fp_text *cat, const char *id, findings *f) {
  const char *s = fp_text_template(cat, id, "en");
  if (!s) note(f, "%s is missing", id);
  else if (!s[0]) note(f, "%s has no English text", id);
}

/* rule.<ID>.title/why/fix for every rule of the engine's table. */
static void check_rules(const fp_text *cat, findings *f) {
  char id[96];
  for (int i = 0; i < RULE_COUNT; i++)
    for (size_t p = 0; p < COUNT_(parts); p++) {
      snprintf(id, sizeof id, "rule.%s.%s", rules_id((rule_id)i), parts[p]);
      need_english(cat, id, f);
    }
}

/* bugcheck.0x<CODE>.title/why/fix for every bug check of core/nt's table. */
static void check_bugchecks(const fp_text *cat, findings *f) {
  char id[96];
  for (size_t i = 0; i < fp_nt_bugcheck_count(); i++)
    for (size_t p = 0; p < COUNT_(parts); p++) {
      snprintf(id, sizeof id, "bugcheck.0x%X.%s", (unsigned)fp_nt_bugcheck_at(i)->code, parts[p]);
      need_english(cat, id, f);
    }
}

/* Whether `label` is the label of a rule before `before` in the table. */
static int label_seen(const char *label, int before) {
  for (int i = 0; i < before; i++)
    if (rules_label((rule_id)i) && strcmp(rules_label((rule_id)i), label) == 0) return 1;
  return 0;
}

/* label.<LABEL> for every label of the rule table and every extra label (each once). */
static void check_labels(const fp_text *cat, findings *f) {
  char id[96];
  for (int i = 0; i < RULE_COUNT; i++) {
    const char *label = rules_label((rule_id)i);
    if (!label || label_seen(label, i)) continue;
    snprintf(id, sizeof id, "label.%s", label);
    need_english(cat, id, f);
  }
  for (size_t i = 0; i < COUNT_(extra_labels); i++) {
    if (label_seen(extra_labels[i], RULE_COUNT)) continue;
    snprintf(id, sizeof id, "label.%s", extra_labels[i]);
    need_english(cat, id, f);
  }
}

static int is_known_label(const char *label) {
  if (label_seen(label, RULE_COUNT)) return 1;
  for (size_t i = 0; i < COUNT_(extra_labels); i++)
    if (strcmp(extra_labels[i], label) == 0) return 1;
  return 0;
}

static int is_part(const char *s) {
  for (size_t p = 0; p < COUNT_(parts); p++)
    if (strcmp(s, parts[p]) == 0) return 1;
  return 0;
}

/* Every rule.*, bugcheck.* and label.* ID names a rule, bug check or label that exists, spelled
 * as the scheme says (bug-check codes in uppercase hex without leading zeros). */
static void check_known(const fp_text *cat, findings *f) {
  for (size_t i = 0; i < fp_text_count(cat); i++) {
    const char *id = fp_text_id_at(cat, i);
    if (strncmp(id, "rule.", 5) == 0) {
      const char *dot = strrchr(id, '.');
      char rule[64];
      size_t n = (size_t)(dot - (id + 5));
      if (dot == id + 4 || n >= sizeof rule || !is_part(dot + 1)) {
        note(f, "%s does not end in .title, .why or .fix", id);
        continue;
      }
      memcpy(rule, id + 5, n);
      rule[n] = 0;
      if (rules_find(rule) == RULE_NONE) note(f, "%s names no rule of core/engine/rules.h", id);
    } else if (strncmp(id, "bugcheck.", 9) == 0) {
      const char *dot = strrchr(id, '.');
      char *end = NULL;
      unsigned long code = strncmp(id + 9, "0x", 2) == 0 ? strtoul(id + 11, &end, 16) : 0;
      char canonical[96];
      snprintf(canonical, sizeof canonical, "bugcheck.0x%lX.%s", code, dot + 1);
      if (!end || end != dot || !is_part(dot + 1) || strcmp(canonical, id) != 0)
        note(f, "%s is not bugcheck.0x<CODE>.title/why/fix in uppercase hex", id);
      else if (!fp_nt_bugcheck_find((uint32_t)code))
        note(f, "%s names no bug check of core/nt's table", id);
    } else if (strncmp(id, "label.", 6) == 0) {
      if (!is_known_label(id + 6)) note(f, "%s names no label the engine uses", id);
    }
  }
}

/* No ID is defined twice ("$comment" may appear once per file). */
static void check_unique(const fp_text *cat, findings *f) {
  size_t n = fp_text_count(cat);
  for (size_t i = 0; i < n; i++) {
    const char *id = fp_text_id_at(cat, i);
    if (strcmp(id, "$comment") == 0) continue;
    for (size_t j = i + 1; j < n; j++)
      if (strcmp(id, fp_text_id_at(cat, j)) == 0) {
        note(f, "%s is defined twice", id);
        break;
      }
  }
}

/* Every {name} in `s` is a bare identifier: a letter or underscore, then letters, digits or
 * underscores, then the closing brace. */
static int placeholders_ok(const char *s) {
  for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
    const char *q = p + 1;
    if (!(*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))) return 0;
    while (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')) q++;
    if (*q != '}') return 0;
  }
  return 1;
}

/* One catalogue file: every entry an object with the three string slots, English not empty,
 * placeholders bare identifiers in every slot. */
static void check_entries_json(const char *json, size_t length, findings *f) {
  cJSON *root = cJSON_ParseWithLength(json, length);
  if (!cJSON_IsObject(root)) {
    note(f, "a catalogue file is not a JSON object");
    cJSON_Delete(root);
    return;
  }
  for (const cJSON *entry = root->child; entry; entry = entry->next) {
    const char *id = entry->string;
    if (strcmp(id, "$comment") == 0) continue;
    if (!cJSON_IsObject(entry)) {
      note(f, "%s is not an object", id);
      continue;
    }
    for (size_t s = 0; s < COUNT_(slots); s++) {
      const cJSON *slot = cJSON_GetObjectItemCaseSensitive(entry, slots[s]);
      if (!cJSON_IsString(slot)) {
        note(f, "%s has no \"%s\" slot", id, slots[s]);
        continue;
      }
      if (s == 0 && !slot->valuestring[0]) note(f, "%s has an empty \"en\"", id);
      if (!placeholders_ok(slot->valuestring)) note(f, "%s (\"%s\") has a placeholder that is not {identifier}", id, slots[s]);
    }
  }
  cJSON_Delete(root);
}

/* Every file of the built-in catalogue. */
static void check_builtin_entries(findings *f) {
  const char *p = (const char *)fp_catalogue_json, *end = p + fp_catalogue_json_len;
  while (p < end) {
    size_t n = strlen(p);
    check_entries_json(p, n, f);
    p += n + 1;
  }
}

static fp_text *builtin(check_ctx *t, fp_alloc *a) {
  fp_text *cat = fp_text_load_builtin(a);
  CHECK(t, cat != NULL);
  return cat;
}

/* ---- The built-in catalogue ---------------------------------------------------------------- */

static void every_rule_should_have_an_english_title_why_and_fix(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  findings f = { 0 };
  check_rules(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void every_bug_check_should_have_an_english_title_why_and_fix(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  findings f = { 0 };
  check_bugchecks(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void every_violation_label_should_have_a_display_name(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  findings f = { 0 };
  check_labels(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void every_entry_should_have_three_slots_english_text_and_bare_placeholders(check_ctx *t) {
  findings f = { 0 };
  check_builtin_entries(&f);
  report(t, &f, __LINE__);
}

static void every_text_id_should_be_defined_once(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  findings f = { 0 };
  check_unique(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void every_rule_bug_check_and_label_id_should_name_something_the_engine_reports(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  findings f = { 0 };
  check_known(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void a_rule_text_should_render_and_fall_back_to_english(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = builtin(t, &a);
  if (!cat) return;
  char *s = fp_text_render(cat, &a, "rule.PRE-WCB-2.why", "zh-Hans", NULL, NULL, 0);
  CHECK_CONTAINS(t, s, "0xF5");
  CHECK_CONTAINS(t, s, "0x66");
  fp_free(&a, s);
  s = fp_text_render(cat, &a, "bugcheck.0xD1.title", "zh-Hant", NULL, NULL, 0);
  CHECK_CONTAINS(t, s, "DRIVER_IRQL_NOT_LESS_OR_EQUAL");
  fp_free(&a, s);
  fp_text_free(cat);
  CHECK_INT(t, a.live_blocks, 0);
}

/* ---- Each check can fail ------------------------------------------------------------------- */

static void add_entry(cJSON *root, const char *id, const char *en) {
  cJSON *entry = cJSON_CreateObject();
  cJSON_AddStringToObject(entry, "en", en);
  cJSON_AddStringToObject(entry, "zh-Hans", "");
  cJSON_AddStringToObject(entry, "zh-Hant", "");
  cJSON_AddItemToObject(root, id, entry);
}

/* A catalogue with every rule, bug-check and label text present ("x"), except `skip`, and with
 * `empty` present but empty; NULL for either means none. Caller frees with fp_text_free. */
static fp_text *complete_but(fp_alloc *a, const char *skip, const char *empty) {
  cJSON *root = cJSON_CreateObject();
  char id[96];
#define ADD_(...)                                                                        \
  do {                                                                                   \
    snprintf(id, sizeof id, __VA_ARGS__);                                                \
    if ((!skip || strcmp(id, skip) != 0) && !cJSON_GetObjectItemCaseSensitive(root, id)) \
      add_entry(root, id, empty && strcmp(id, empty) == 0 ? "" : "x");                   \
  } while (0)
  for (int i = 0; i < RULE_COUNT; i++)
    for (size_t p = 0; p < COUNT_(parts); p++) ADD_("rule.%s.%s", rules_id((rule_id)i), parts[p]);
  for (size_t i = 0; i < fp_nt_bugcheck_count(); i++)
    for (size_t p = 0; p < COUNT_(parts); p++) ADD_("bugcheck.0x%X.%s", (unsigned)fp_nt_bugcheck_at(i)->code, parts[p]);
  for (int i = 0; i < RULE_COUNT; i++)
    if (rules_label((rule_id)i)) ADD_("label.%s", rules_label((rule_id)i));
  for (size_t i = 0; i < COUNT_(extra_labels); i++) ADD_("label.%s", extra_labels[i]);
#undef ADD_
  char *json = cJSON_PrintUnformatted(root);
  cJSON_Delete(root);
  fp_text *cat = json ? fp_text_load(a, json, strlen(json)) : NULL;
  cJSON_free(json);
  return cat;
}

static void the_checkers_should_pass_a_complete_catalogue(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = complete_but(&a, NULL, NULL);
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_rules(cat, &f);
  check_bugchecks(cat, &f);
  check_labels(cat, &f);
  check_unique(cat, &f);
  check_known(cat, &f);
  report(t, &f, __LINE__);
  fp_text_free(cat);
}

static void the_rule_check_should_name_a_missing_or_empty_text(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = complete_but(&a, "rule.PRE-WCB-2.fix", "rule.DCPWS-5.why");
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_rules(cat, &f);
  CHECK_INT(t, f.count, 2);
  CHECK_CONTAINS(t, f.text, "rule.PRE-WCB-2.fix is missing");
  CHECK_CONTAINS(t, f.text, "rule.DCPWS-5.why has no English text");
  fp_text_free(cat);
}

static void the_bug_check_check_should_name_a_missing_text(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = complete_but(&a, "bugcheck.0xD1.why", "bugcheck.0x133.title");
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_bugchecks(cat, &f);
  CHECK_INT(t, f.count, 2);
  CHECK_CONTAINS(t, f.text, "bugcheck.0xD1.why is missing");
  CHECK_CONTAINS(t, f.text, "bugcheck.0x133.title has no English text");
  fp_text_free(cat);
}

static void the_label_check_should_name_a_missing_label(check_ctx *t) {
  fp_alloc a = fp_alloc_default();
  fp_text *cat = complete_but(&a, "label.CTX-NONNULL-WITHOUT-CALLBACK", "label.DCPWS-WHILE-DRAINING");
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_labels(cat, &f);
  CHECK_INT(t, f.count, 2);
  CHECK_CONTAINS(t, f.text, "label.CTX-NONNULL-WITHOUT-CALLBACK is missing");
  CHECK_CONTAINS(t, f.text, "label.DCPWS-WHILE-DRAINING has no English text");
  fp_text_free(cat);
}

static void the_entry_check_should_name_a_missing_slot_an_empty_english_text_and_a_bad_placeholder(check_ctx *t) {
  static const char json[] =
      "{ \"$comment\": \"not an entry\","
      "  \"ok.one\": { \"en\": \"IRQL {irql} in {thread_2}\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bad.slot\": { \"en\": \"x\", \"zh-Hans\": \"\" },"
      "  \"bad.en\": { \"en\": \"\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bad.space\": { \"en\": \"{ name }\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bad.dash\": { \"en\": \"x\", \"zh-Hans\": \"{p-1}\", \"zh-Hant\": \"\" },"
      "  \"bad.open\": { \"en\": \"a { b\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bad.digit\": { \"en\": \"{1st}\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bad.type\": \"a string\" }";
  findings f = { 0 };
  check_entries_json(json, sizeof json - 1, &f);
  CHECK_INT(t, f.count, 7);
  CHECK_CONTAINS(t, f.text, "bad.slot has no \"zh-Hant\" slot");
  CHECK_CONTAINS(t, f.text, "bad.en has an empty \"en\"");
  CHECK_CONTAINS(t, f.text, "bad.space (\"en\") has a placeholder");
  CHECK_CONTAINS(t, f.text, "bad.dash (\"zh-Hans\") has a placeholder");
  CHECK_CONTAINS(t, f.text, "bad.open (\"en\") has a placeholder");
  CHECK_CONTAINS(t, f.text, "bad.digit (\"en\") has a placeholder");
  CHECK_CONTAINS(t, f.text, "bad.type is not an object");
  CHECK(t, strstr(f.text, "ok.one") == NULL);
}

static void the_duplicate_check_should_name_an_id_defined_twice(check_ctx *t) {
  static const char json[] =
      "{ \"$comment\": \"a\", \"$comment\": \"b\","
      "  \"rule.REG-1.title\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"rule.REG-1.why\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"rule.REG-1.title\": { \"en\": \"y\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" } }";
  fp_alloc a = fp_alloc_default();
  fp_text *cat = fp_text_load(&a, json, sizeof json - 1);
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_unique(cat, &f);
  CHECK_INT(t, f.count, 1);
  CHECK_CONTAINS(t, f.text, "rule.REG-1.title is defined twice");
  fp_text_free(cat);
}

static void the_known_id_check_should_name_an_id_that_names_nothing(check_ctx *t) {
  static const char json[] =
      "{ \"ui.app.title\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"rule.PRE-WCB-2.title\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"rule.PRE-WCB2.title\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"rule.PRE-WCB-2.summary\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bugcheck.0xD1.fix\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bugcheck.0xd1.fix\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bugcheck.0x0A.fix\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"bugcheck.0x10D.fix\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"label.IRQL-TOO-HIGH\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" },"
      "  \"label.NO-SUCH-LABEL\": { \"en\": \"x\", \"zh-Hans\": \"\", \"zh-Hant\": \"\" } }";
  fp_alloc a = fp_alloc_default();
  fp_text *cat = fp_text_load(&a, json, sizeof json - 1);
  CHECK_OR_RETURN(t, cat != NULL);
  findings f = { 0 };
  check_known(cat, &f);
  CHECK_INT(t, f.count, 6);
  CHECK_CONTAINS(t, f.text, "rule.PRE-WCB2.title names no rule");
  CHECK_CONTAINS(t, f.text, "rule.PRE-WCB-2.summary does not end in .title, .why or .fix");
  CHECK_CONTAINS(t, f.text, "bugcheck.0xd1.fix is not bugcheck.0x<CODE>");
  CHECK_CONTAINS(t, f.text, "bugcheck.0x0A.fix is not bugcheck.0x<CODE>");
  CHECK_CONTAINS(t, f.text, "bugcheck.0x10D.fix names no bug check");
  CHECK_CONTAINS(t, f.text, "label.NO-SUCH-LABEL names no label");
  fp_text_free(cat);
}

static const check_case cases[] = {
  CHECK_CASE(every_rule_should_have_an_english_title_why_and_fix),
  CHECK_CASE(every_bug_check_should_have_an_english_title_why_and_fix),
  CHECK_CASE(every_violation_label_should_have_a_display_name),
  CHECK_CASE(every_entry_should_have_three_slots_english_text_and_bare_placeholders),
  CHECK_CASE(every_text_id_should_be_defined_once),
  CHECK_CASE(every_rule_bug_check_and_label_id_should_name_something_the_engine_reports),
  CHECK_CASE(a_rule_text_should_render_and_fall_back_to_english),
  CHECK_CASE(the_checkers_should_pass_a_complete_catalogue),
  CHECK_CASE(the_rule_check_should_name_a_missing_or_empty_text),
  CHECK_CASE(the_bug_check_check_should_name_a_missing_text),
  CHECK_CASE(the_label_check_should_name_a_missing_label),
  CHECK_CASE(the_entry_check_should_name_a_missing_slot_an_empty_english_text_and_a_bad_placeholder),
  CHECK_CASE(the_duplicate_check_should_name_an_id_defined_twice),
  CHECK_CASE(the_known_id_check_should_name_an_id_that_names_nothing),
};

int main(int argc, char **argv) { return check_main(cases, CHECK_COUNT(cases), argc, argv); }
