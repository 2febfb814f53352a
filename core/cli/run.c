/* run.c: `fltplay run` and `fltplay lint` (docs/cli.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "fltplay/fltplay.h"
#include "fltplay/run.h"

static const char run_usage[] =
    "usage: fltplay run SCENARIO.json|DRIVER.c [--variant NAME | --all-variants]\n"
    "                   [--trace OUT.json] [--format text|json] [--no-statements]\n"
    "                   [--print-scenario] [--lang en|zh-Hans|zh-Hant]\n"
    "\n"
    "Runs a scenario (docs/scenario-format.md), or a driver alone against the default\n"
    "scenario, and prints the trace: a readable log (callbacks indented by depth, thread and\n"
    "IRQL on every line) or JSON (docs/trace-format.md).\n"
    "\n"
    "  --variant NAME     run that variant (default: the first)\n"
    "  --all-variants     run every variant, one trace each\n"
    "  --trace OUT.json   also write the JSON trace to OUT.json (OUT.VARIANT.json for several)\n"
    "  --format F         text (default) or json on standard output\n"
    "  --no-statements    leave statement events out (every memory check stays on)\n"
    "  --print-scenario   print the default scenario a driver runs against, and stop\n"
    "\n"
    "Exit codes: 0 every run ended with no violation; 1 a run ended in a violation, bug\n"
    "check, hang or budget; 2 a driver does not compile; 3 invalid scenario or arguments.\n";

static const char lint_usage[] =
    "usage: fltplay lint DRIVER.c [--format text|json] [--lang en|zh-Hans|zh-Hant]\n"
    "\n"
    "Compiles the driver and prints its diagnostics as file:line:col: severity: message.\n"
    "Exit codes: 0 it compiles (warnings allowed); 2 it does not; 3 invalid arguments.\n";

/* Reads a whole file into a malloc'd buffer; NULL with a reason in *error. */
static char *read_file(const char *path, size_t *length, const char **error) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    *error = "cannot open it";
    return NULL;
  }
  size_t cap = 4096, len = 0;
  char *data = malloc(cap);
  for (;;) {
    if (!data) {
      *error = "out of memory";
      fclose(f);
      return NULL;
    }
    len += fread(data + len, 1, cap - len - 1, f);
    if (len < cap - 1) break;
    if (cap >= (64u << 20)) {
      *error = "it is larger than 64 MiB";
      free(data);
      fclose(f);
      return NULL;
    }
    char *grown = realloc(data, cap * 2);
    if (!grown) free(data);
    data = grown;
    cap *= 2;
  }
  if (ferror(f)) {
    *error = "a read error";
    free(data);
    fclose(f);
    return NULL;
  }
  fclose(f);
  data[len] = 0;
  *length = len;
  return data;
}

/* Sources are named relative to the scenario's folder. */
typedef struct loader {
  char dir[1024];
} loader;

static int load_source(void *user, const char *name, char **text, size_t *length, const char **error) {
  const loader *l = user;
  char path[2048];
  if (name[0] == '/' || !l->dir[0]) snprintf(path, sizeof path, "%s", name);
  else snprintf(path, sizeof path, "%s/%s", l->dir, name);
  *text = read_file(path, length, error);
  return *text != NULL;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

typedef struct options {
  const char *input, *variant, *trace, *format, *lang;
  int all_variants, no_statements, print_scenario;
} options;

static int parse_options(const char *cmd, int argc, char **argv, options *o, int lint) {
  memset(o, 0, sizeof *o);
  o->format = "text";
  o->lang = "en";
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int has_value = i + 1 < argc;
    if (cli_is_help(a)) {
      fputs(lint ? lint_usage : run_usage, stdout);
      return -1;
    } else if (strcmp(a, "--format") == 0 && has_value) {
      o->format = argv[++i];
      if (strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0)
        return cli_usage_error(cmd, "--format is text or json", o->format);
    } else if (strcmp(a, "--lang") == 0 && has_value) {
      o->lang = argv[++i];
      if (strcmp(o->lang, "en") != 0 && strcmp(o->lang, "zh-Hans") != 0 && strcmp(o->lang, "zh-Hant") != 0)
        return cli_usage_error(cmd, "unknown locale (en, zh-Hans or zh-Hant)", o->lang);
    } else if (!lint && strcmp(a, "--variant") == 0 && has_value) {
      o->variant = argv[++i];
    } else if (!lint && strcmp(a, "--trace") == 0 && has_value) {
      o->trace = argv[++i];
    } else if (!lint && strcmp(a, "--all-variants") == 0) {
      o->all_variants = 1;
    } else if (!lint && strcmp(a, "--no-statements") == 0) {
      o->no_statements = 1;
    } else if (!lint && strcmp(a, "--print-scenario") == 0) {
      o->print_scenario = 1;
    } else if (a[0] == '-' && a[1]) {
      int needs_value = strcmp(a, "--format") == 0 || strcmp(a, "--lang") == 0 ||
                        (!lint && (strcmp(a, "--variant") == 0 || strcmp(a, "--trace") == 0));
      return cli_usage_error(cmd, needs_value ? "a value must follow" : "unknown option", a);
    } else if (o->input) {
      return cli_usage_error(cmd, "one input at a time", a);
    } else {
      o->input = a;
    }
  }
  if (!o->input) {
    fputs(lint ? lint_usage : run_usage, stderr);
    return CLI_BAD_INPUT;
  }
  if (o->variant && o->all_variants) return cli_usage_error(cmd, "--variant and --all-variants exclude each other", NULL);
  return 0;
}

/* Prints the diagnostics (to stderr for text, as JSON on stdout when asked). */
static void print_diagnostics(const fp_run *r, const options *o, int json_on_stdout) {
  if (json_on_stdout) {
    char *json = fp_run_diagnostics_json(r, o->lang);
    printf("{\"diagnostics\":%s}\n", json ? json : "[]");
    fp_string_free(json);
    return;
  }
  char *text = fp_run_diagnostics(r, o->lang);
  if (text) fputs(text, stderr);
  fp_string_free(text);
}

/* The trace file for run i: OUT.json, or OUT.VARIANT.json when several run. */
static void trace_path(const char *out, const char *variant, int several, char *path, size_t cap) {
  if (!several) {
    snprintf(path, cap, "%s", out);
    return;
  }
  char safe[128];
  size_t n = 0;
  for (const char *p = variant; *p && n + 1 < sizeof safe; p++)
    safe[n++] = (char)(((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_') ? *p : '-');
  safe[n] = 0;
  size_t len = strlen(out);
  if (ends_with(out, ".json")) snprintf(path, cap, "%.*s.%s.json", (int)(len - 5), out, safe);
  else snprintf(path, cap, "%s.%s.json", out, safe);
}

static int write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  int ok = fputs(text, f) >= 0;
  ok &= fputc('\n', f) != EOF;
  return (fclose(f) == 0) && ok;
}

static const char *const end_names[] = { "running", "completed", "bugcheck", "verifier", "hang", "budget", "internal" };

int cli_run(int argc, char **argv) {
  options o;
  int rc = parse_options("run", argc, argv, &o, 0);
  if (rc) return rc < 0 ? CLI_OK : rc;
  int alone = ends_with(o.input, ".c") || ends_with(o.input, ".C");
  loader l;
  l.dir[0] = 0;
  const char *slash = strrchr(o.input, '/');
  if (slash && !alone) snprintf(l.dir, sizeof l.dir, "%.*s", (int)(slash - o.input), o.input);
  fp_run_request q;
  memset(&q, 0, sizeof q);
  size_t length = 0;
  char *scenario = NULL;
  if (!alone) {
    const char *error = NULL;
    scenario = read_file(o.input, &length, &error);
    if (!scenario) {
      fprintf(stderr, "fltplay run: %s: %s\n", o.input, error);
      return CLI_BAD_INPUT;
    }
    q.scenario_name = o.input;
    q.scenario_json = scenario;
    q.scenario_length = length;
  } else {
    q.driver = o.input;
  }
  q.source = load_source;
  q.user = &l;
  q.variant = o.variant;
  q.all_variants = o.all_variants;
  q.no_statement_events = o.no_statements;
  fp_run *r = fp_run_open(&q);
  free(scenario);
  if (!r) {
    fputs("fltplay run: out of memory\n", stderr);
    return CLI_FAILED;
  }
  int json = strcmp(o.format, "json") == 0;
  print_diagnostics(r, &o, json && fp_run_status_of(r) != FP_RUN_OK);
  if (fp_run_status_of(r) != FP_RUN_OK) {
    rc = (int)fp_run_status_of(r);
    fp_run_close(r);
    return rc;
  }
  if (o.print_scenario) {
    const char *d = fp_run_default_scenario(r);
    if (d) puts(d);
    else fputs("fltplay run: --print-scenario is for a driver run alone\n", stderr);
    fp_run_close(r);
    return d ? CLI_OK : CLI_BAD_INPUT;
  }
  size_t count = fp_run_count(r);
  if (json && count > 1) printf("{\"format\":\"fltplay-runs\",\"version\":1,\"runs\":[");
  for (size_t i = 0; i < count; i++) {
    fp_end_reason end = fp_run_step(r, i, 0);
    fp_engine *e = fp_run_engine(r, i);
    char *trace_json = (json || o.trace) ? fp_engine_trace_json(e, 0, 0) : NULL;
    if (o.trace) {
      char path[2048];
      trace_path(o.trace, fp_run_variant(r, i), count > 1, path, sizeof path);
      if (!trace_json || !write_file(path, trace_json)) {
        fprintf(stderr, "fltplay run: cannot write the trace to %s\n", path);
        rc = CLI_BAD_INPUT;
      }
    }
    if (json) {
      if (count > 1) printf("%s{\"variant\":\"%s\",\"trace\":%s}", i ? "," : "", fp_run_variant(r, i), trace_json ? trace_json : "null");
      else printf("%s\n", trace_json ? trace_json : "null");
    } else {
      if (count > 1) printf("%s== variant %s ==\n", i ? "\n" : "", fp_run_variant(r, i));
      char *text = fp_engine_trace_text(e);
      if (text) fputs(text, stdout);
      fp_string_free(text);
    }
    fp_string_free(trace_json);
    unsigned violations = fp_engine_count_events(e, "violation");
    char who[160] = "";
    if (count > 1) snprintf(who, sizeof who, "variant %s: ", fp_run_variant(r, i));
    fprintf(stderr, "fltplay run: %s%s, %u events, %u violation%s\n", who, end_names[end < 7 ? end : 6],
            fp_engine_event_count(e), violations, violations == 1 ? "" : "s");
  }
  if (json && count > 1) printf("]}\n");
  if (!rc) rc = (int)fp_run_status_of(r);
  fp_run_close(r);
  return rc;
}

int cli_lint(int argc, char **argv) {
  options o;
  int rc = parse_options("lint", argc, argv, &o, 1);
  if (rc) return rc < 0 ? CLI_OK : rc;
  fp_run_request q;
  memset(&q, 0, sizeof q);
  q.driver = o.input;
  q.source = load_source;
  loader l;
  l.dir[0] = 0;
  q.user = &l;
  q.compile_only = 1;
  fp_run *r = fp_run_open(&q);
  if (!r) {
    fputs("fltplay lint: out of memory\n", stderr);
    return CLI_FAILED;
  }
  print_diagnostics(r, &o, strcmp(o.format, "json") == 0);
  rc = (int)fp_run_status_of(r);
  fp_run_close(r);
  return rc;
}
