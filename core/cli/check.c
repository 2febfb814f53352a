/* check.c: `fltplay check LESSON_DIR` (docs/lessons.md, docs/cli.md): checks the lesson's
 * solution, or a learner's driver, against every goal in every variant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fltplay/fltplay.h"
#include "fltplay/lesson.h"

static const char check_usage[] =
    "usage: fltplay check LESSON_DIR [--solution FILE.c] [--variant NAME] [--json]\n"
    "                     [--lang en|zh-Hans|zh-Hant]\n"
    "\n"
    "Runs a driver in every variant of a lesson's scenario and checks each goal of the lesson\n"
    "(docs/lessons.md) on each variant's trace: PASS or FAIL, and for every failure the\n"
    "variant, the step (the event's seq in the trace) and the reason.\n"
    "\n"
    "  --solution FILE.c  the driver to check (default: the lesson's own solution.c)\n"
    "  --variant NAME     check that variant only (default: every variant)\n"
    "  --json             print the results as JSON (docs/lessons.md, \"Results\")\n"
    "\n"
    "Exit codes: 0 every goal passed; 1 a goal failed; 2 the driver does not compile;\n"
    "3 invalid lesson or arguments.\n";

/* Reads a whole file into a malloc'd, NUL-terminated buffer; NULL when it cannot. */
static char *slurp(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, len = 0;
  char *data = malloc(cap);
  while (data) {
    len += fread(data + len, 1, cap - len - 1, f);
    if (len < cap - 1 || cap >= (64u << 20)) break;
    char *grown = realloc(data, cap * 2);
    if (!grown) free(data);
    data = grown;
    cap *= 2;
  }
  int bad = ferror(f) || (data && len >= cap - 1);
  fclose(f);
  if (bad) {
    free(data);
    return NULL;
  }
  if (data) {
    data[len] = 0;
    *length = len;
  }
  return data;
}

typedef struct options {
  const char *dir, *solution, *variant, *lang;
  int json;
} options;

static int parse_options(int argc, char **argv, options *o) {
  memset(o, 0, sizeof *o);
  o->lang = "en";
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (cli_is_help(a)) {
      fputs(check_usage, stdout);
      return -1;
    } else if (strcmp(a, "--json") == 0) {
      o->json = 1;
    } else if (strcmp(a, "--solution") == 0 && has_value) {
      o->solution = argv[++i];
    } else if (strcmp(a, "--variant") == 0 && has_value) {
      o->variant = argv[++i];
    } else if (strcmp(a, "--lang") == 0 && has_value) {
      o->lang = argv[++i];
      if (strcmp(o->lang, "en") != 0 && strcmp(o->lang, "zh-Hans") != 0 && strcmp(o->lang, "zh-Hant") != 0)
        return cli_usage_error("check", "unknown locale (en, zh-Hans or zh-Hant)", o->lang);
    } else if (a[0] == '-' && a[1]) {
      int needs_value = strcmp(a, "--solution") == 0 || strcmp(a, "--variant") == 0 || strcmp(a, "--lang") == 0;
      return cli_usage_error("check", needs_value ? "a value must follow" : "unknown option", a);
    } else if (o->dir) {
      return cli_usage_error("check", "one lesson at a time", a);
    } else {
      o->dir = a;
    }
  }
  if (!o->dir) {
    fputs(check_usage, stderr);
    return CLI_BAD_INPUT;
  }
  return 0;
}

/* Checks the lesson read from `lesson_text`; prints the report and returns the exit code. */
static int check(const options *o, const char *lesson_path, const char *lesson_text, size_t lesson_length,
                 const char *solution_path) {
  fp_lesson *l = fp_lesson_parse(lesson_path, lesson_text, lesson_length);
  if (!l) {
    fputs("fltplay check: out of memory\n", stderr);
    return CLI_FAILED;
  }
  size_t count = fp_lesson_source_count(l);
  fp_lesson_source_text *sources = calloc(count + 1, sizeof *sources);
  char **texts = calloc(count + 1, sizeof *texts);
  size_t solution_length = 0;
  char *solution = fp_lesson_valid(l) ? slurp(solution_path, &solution_length) : NULL;
  int rc = CLI_FAILED;
  if (fp_lesson_valid(l) && !solution) {
    fprintf(stderr, "fltplay check: %s: cannot read it\n", solution_path);
    rc = CLI_BAD_INPUT;
  } else if (sources && texts) {
    for (size_t i = 0; i < count; i++) {
      char path[2048];
      snprintf(path, sizeof path, "%s/%s", o->dir, fp_lesson_source(l, i));
      sources[i].name = fp_lesson_source(l, i);
      texts[i] = slurp(path, &sources[i].length);
      sources[i].text = texts[i];
      if (!texts[i]) sources[i].name = NULL; /* reported as a missing source */
    }
    fp_lesson_check_request q;
    memset(&q, 0, sizeof q);
    q.solution = solution;
    q.solution_length = solution_length;
    q.solution_name = solution_path;
    q.sources = sources;
    q.source_count = count;
    q.variant = o->variant;
    q.locale = o->lang;
    fp_lesson_report *r = fp_lesson_check(l, &q);
    char *out = r ? (o->json ? fp_lesson_report_json(r) : fp_lesson_report_text(r)) : NULL;
    rc = r ? fp_lesson_report_exit_code(r) : CLI_FAILED;
    if (out && o->json) printf("%s\n", out);
    else if (out) fputs(out, rc >= CLI_NO_COMPILE ? stderr : stdout);
    else fputs("fltplay check: out of memory\n", stderr);
    fp_string_free(out);
    fp_lesson_report_free(r);
  }
  for (size_t i = 0; texts && i < count; i++) free(texts[i]);
  free(texts);
  free(sources);
  free(solution);
  fp_lesson_free(l);
  return rc;
}

int cli_check(int argc, char **argv) {
  options o;
  int rc = parse_options(argc, argv, &o);
  if (rc) return rc < 0 ? CLI_OK : rc;
  char lesson_path[2048], solution_path[2048];
  snprintf(lesson_path, sizeof lesson_path, "%s/lesson.json", o.dir);
  if (o.solution) snprintf(solution_path, sizeof solution_path, "%s", o.solution);
  else snprintf(solution_path, sizeof solution_path, "%s/solution.c", o.dir);
  size_t length = 0;
  char *text = slurp(lesson_path, &length);
  if (!text) {
    fprintf(stderr, "fltplay check: %s: cannot read it (is %s a lesson's folder?)\n", lesson_path, o.dir);
    return CLI_BAD_INPUT;
  }
  rc = check(&o, lesson_path, text, length, solution_path);
  free(text);
  return rc;
}
