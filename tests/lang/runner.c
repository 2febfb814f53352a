/* runner.c: the driver-language corpus. Each program is a minifilter with its expectations in
 * comments; the runner compiles it, runs it in the real engine in a small scenario (a volume
 * with \a.txt and \b.txt, an application thread "app" doing create, read, close by default)
 * and checks the trace.
 *
 *   lang_corpus PROGRAM.c...                        run programs, print ok/FAIL per program
 *   lang_corpus --coverage SOURCE.c... -- PROGRAM.c...
 *       also checks that every diagnostic ID (lang.*) the compiler's sources mention is
 *       expected by some program and has a text in the catalogue
 *
 * Expectations (one per comment line):
 *   // expect: TEXT                    the next DbgPrint line (all lines, in order)
 *   // expect error L:C: TEXT          a diagnostic at line L, column C; TEXT is its ID
 *   // expect warning L:C: TEXT           (lang.x.y) or a part of its English message
 *   // expect bugcheck CODE [P1 ..]    the run ends with this bug check (hex)
 *   // expect end REASON               completed | bugcheck | verifier | hang | budget | internal
 *   // expect irql LEVEL at line N     every statement event of line N ran at LEVEL (and one did)
 *   // expect thread NAME at line N    ... ran in thread NAME (or DPC)
 *   // expect status KIND STATUS       the first application request of KIND ended with STATUS
 *   // expect exception CODE [driver|no]  an exception event (handled by the driver or not)
 *   // expect event KIND [TEXT]        an event of KIND whose JSON contains TEXT
 *   // expect no event KIND [TEXT]
 *   // expect violation RULE           a verifier violation of RULE
 *   // expect locals at line N: NAME=V a statement event of line N shows local NAME = V
 *   // expect line N runs K times      statement events of line N
 * Scenario (// scenario KEY: VALUE): ops (create read write query queryopen setinfo close
 * sleep), completion (inline|pending), verifier, pressure, irql-check (on|off), io (irp|fast|
 * paging), threads, seed, events (off), max-events, call-depth, vm-bytes, source-bytes,
 * compile-bytes, fail-pool, file, length, unload (end|during-read), run (no). With no
 * bugcheck/end expectation a program must run to completion; with error expectations it is
 * only compiled. Every diagnostic must be expected. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "fltplay/lang.h"
#include "text/text.h"

#define MAX_EXPECT 128
#define MAX_TEXT 512

typedef enum ex_kind {
  EX_DBG, EX_DIAG, EX_BUGCHECK, EX_END, EX_IRQL, EX_THREAD, EX_STATUS, EX_EXCEPTION, EX_EVENT, EX_NO_EVENT,
  EX_VIOLATION, EX_LOCALS, EX_RUNS
} ex_kind;

typedef struct expect {
  ex_kind kind;
  int line, col, number;
  int severity;              /* EX_DIAG: FP_SEV_* */
  char text[MAX_TEXT];
  char text2[MAX_TEXT];
  unsigned long long params[5];
  int nparams;
  int matched;
} expect;

typedef struct program {
  const char *path;
  char *source;
  size_t size;
  expect ex[MAX_EXPECT];
  int nex;
  /* scenario */
  char ops[256];
  int pending, verifier, pressure, irql_check, io, threads, events_off, run;
  unsigned long long seed;
  unsigned max_events, call_depth, vm_bytes, source_bytes, compile_bytes, fail_pool, length;
  char file[128];
  char unload[32];
} program;

typedef struct report {
  char text[8192];
  size_t len;
  int failed;
} report;

/* Records a failure: `fmt` with its first two "%s" replaced by `a` and `b`. */
static void fail(report *r, const char *fmt, const char *a, const char *b) {
  r->failed = 1;
  char line[1200];
  size_t n = 0;
  int arg = 0;
  for (const char *f = fmt; *f && n < sizeof line - 1; f++) {
    if (f[0] == '%' && f[1] == 's' && arg < 2) {
      const char *v = arg++ == 0 ? a : b;
      for (v = v ? v : ""; *v && n < sizeof line - 1; v++) line[n++] = *v;
      f++;
      continue;
    }
    line[n++] = *f;
  }
  line[n] = '\0';
  if (r->len + n + 4 < sizeof r->text) {
    memcpy(r->text + r->len, "  ", 2);
    memcpy(r->text + r->len + 2, line, n);
    r->len += n + 2;
    r->text[r->len++] = '\n';
    r->text[r->len] = '\0';
  }
}

static char *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  for (;;) {
    if (n == cap) {
      cap *= 2;
      buf = realloc(buf, cap + 1);
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    if (got == 0) break;
    n += got;
  }
  fclose(f);
  buf[n] = '\0';
  *size = n;
  return buf;
}

static void trim(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == '\t')) s[--n] = '\0';
}

static int starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* ---- Directives --------------------------------------------------------------------------------------- */

static void parse_expect(program *p, const char *d, int srcline, report *r) {
  if (p->nex >= MAX_EXPECT) return;
  expect *e = &p->ex[p->nex];
  memset(e, 0, sizeof *e);
  char buf[MAX_TEXT];
  snprintf(buf, sizeof buf, "%s", d);
  trim(buf);
  if (buf[0] == ':') {
    e->kind = EX_DBG;
    const char *t = buf + 1;
    if (*t == ' ') t++;
    snprintf(e->text, sizeof e->text, "%s", t);
  } else if (starts(buf, " error ") || starts(buf, " warning ")) {
    e->kind = EX_DIAG;
    e->severity = starts(buf, " error ") ? FP_SEV_ERROR : FP_SEV_WARNING;
    const char *t = buf + (e->severity == FP_SEV_ERROR ? 7 : 9);
    int used = 0;
    if (sscanf(t, "%d:%d:%n", &e->line, &e->col, &used) < 2) {
      fail(r, "line %s: bad diagnostic expectation", "", NULL);
      return;
    }
    t += used;
    while (*t == ' ') t++;
    snprintf(e->text, sizeof e->text, "%s", t);
  } else if (starts(buf, " bugcheck ")) {
    e->kind = EX_BUGCHECK;
    const char *t = buf + 10;
    char *end;
    while (*t && e->nparams < 5) {
      unsigned long long v = strtoull(t, &end, 16);
      if (end == t) break;
      e->params[e->nparams++] = v;
      t = end;
      while (*t == ' ' || *t == ',' || *t == '(' || *t == ')') t++;
    }
  } else if (starts(buf, " end ")) {
    e->kind = EX_END;
    snprintf(e->text, sizeof e->text, "%s", buf + 5);
  } else if (starts(buf, " irql ") || starts(buf, " thread ")) {
    e->kind = starts(buf, " irql ") ? EX_IRQL : EX_THREAD;
    const char *t = buf + (e->kind == EX_IRQL ? 6 : 8);
    const char *at = strstr(t, " at line ");
    if (!at) {
      fail(r, "bad irql/thread expectation: %s", buf, NULL);
      return;
    }
    snprintf(e->text, sizeof e->text, "%.*s", (int)(at - t), t);
    e->line = atoi(at + 9);
  } else if (starts(buf, " status ")) {
    e->kind = EX_STATUS;
    if (sscanf(buf + 8, "%63s %200s", e->text, e->text2) != 2) fail(r, "bad status expectation: %s", buf, NULL);
  } else if (starts(buf, " exception ")) {
    e->kind = EX_EXCEPTION;
    sscanf(buf + 11, "%63s %63s", e->text, e->text2);
  } else if (starts(buf, " event ") || starts(buf, " no event ")) {
    e->kind = starts(buf, " event ") ? EX_EVENT : EX_NO_EVENT;
    const char *t = buf + (e->kind == EX_EVENT ? 7 : 10);
    const char *sp = strchr(t, ' ');
    if (sp) {
      snprintf(e->text, sizeof e->text, "%.*s", (int)(sp - t), t);
      snprintf(e->text2, sizeof e->text2, "%s", sp + 1);
    } else {
      snprintf(e->text, sizeof e->text, "%s", t);
    }
  } else if (starts(buf, " violation ")) {
    e->kind = EX_VIOLATION;
    snprintf(e->text, sizeof e->text, "%s", buf + 11);
  } else if (starts(buf, " locals at line ")) {
    e->kind = EX_LOCALS;
    int used = 0;
    if (sscanf(buf + 16, "%d:%n", &e->line, &used) < 1) {
      fail(r, "bad locals expectation: %s", buf, NULL);
      return;
    }
    const char *t = buf + 16 + used;
    while (*t == ' ') t++;
    const char *eq = strchr(t, '=');
    if (!eq) {
      fail(r, "bad locals expectation: %s", buf, NULL);
      return;
    }
    snprintf(e->text, sizeof e->text, "%.*s", (int)(eq - t), t);
    snprintf(e->text2, sizeof e->text2, "%s", eq + 1);
  } else if (starts(buf, " line ")) {
    e->kind = EX_RUNS;
    if (sscanf(buf + 6, "%d runs %d", &e->line, &e->number) != 2) {
      fail(r, "bad line expectation: %s", buf, NULL);
      return;
    }
  } else {
    fail(r, "unknown expectation: // expect%s", buf, NULL);
    return;
  }
  (void)srcline;
  p->nex++;
}

static void parse_scenario(program *p, const char *d, report *r) {
  char key[64], value[256];
  value[0] = '\0';
  if (sscanf(d, " %63[^:]: %255[^\n]", key, value) < 1) return;
  trim(value);
  if (strcmp(key, "ops") == 0) snprintf(p->ops, sizeof p->ops, "%s", value);
  else if (strcmp(key, "completion") == 0) p->pending = strcmp(value, "pending") == 0;
  else if (strcmp(key, "verifier") == 0) p->verifier = strcmp(value, "on") == 0;
  else if (strcmp(key, "pressure") == 0) p->pressure = strcmp(value, "on") == 0;
  else if (strcmp(key, "irql-check") == 0) p->irql_check = strcmp(value, "on") == 0;
  else if (strcmp(key, "io") == 0) p->io = strcmp(value, "fast") == 0 ? FP_IO_FAST : strcmp(value, "paging") == 0 ? FP_IO_PAGING : FP_IO_IRP;
  else if (strcmp(key, "threads") == 0) p->threads = atoi(value);
  else if (strcmp(key, "seed") == 0) p->seed = strtoull(value, NULL, 0);
  else if (strcmp(key, "events") == 0) p->events_off = strcmp(value, "off") == 0;
  else if (strcmp(key, "max-events") == 0) p->max_events = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "call-depth") == 0) p->call_depth = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "vm-bytes") == 0) p->vm_bytes = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "source-bytes") == 0) p->source_bytes = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "compile-bytes") == 0) p->compile_bytes = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "fail-pool") == 0) p->fail_pool = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "length") == 0) p->length = (unsigned)strtoul(value, NULL, 0);
  else if (strcmp(key, "file") == 0) snprintf(p->file, sizeof p->file, "%.120s", value);
  else if (strcmp(key, "unload") == 0) snprintf(p->unload, sizeof p->unload, "%.30s", value);
  else if (strcmp(key, "run") == 0) p->run = strcmp(value, "no") != 0;
  else fail(r, "unknown scenario key: %s", key, NULL);
}

static void parse_directives(program *p, report *r) {
  snprintf(p->ops, sizeof p->ops, "create read close");
  snprintf(p->file, sizeof p->file, "\\a.txt");
  p->run = 1;
  p->threads = 1;
  p->seed = 1;
  p->length = 5;
  int line = 1;
  for (const char *s = p->source; *s; line++) {
    const char *eol = strchr(s, '\n');
    size_t n = eol ? (size_t)(eol - s) : strlen(s);
    char buf[1024];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < sizeof buf - 1 ? n : sizeof buf - 1), s);
    const char *c = strstr(buf, "// expect");
    if (c) parse_expect(p, c + 9, line, r);
    c = strstr(buf, "// scenario ");
    if (c) parse_scenario(p, c + 12, r);
    if (!eol) break;
    s = eol + 1;
  }
}

/* ---- Diagnostics --------------------------------------------------------------------------------------- */

typedef struct coverage {
  char **ids;
  int count, cap;
} coverage;

static void covered(coverage *cv, const char *id) {
  if (!cv) return;
  for (int i = 0; i < cv->count; i++)
    if (strcmp(cv->ids[i], id) == 0) return;
  if (cv->count == cv->cap) {
    cv->cap = cv->cap ? cv->cap * 2 : 64;
    cv->ids = realloc(cv->ids, (size_t)cv->cap * sizeof *cv->ids);
  }
  size_t n = strlen(id) + 1;
  cv->ids[cv->count] = malloc(n);
  memcpy(cv->ids[cv->count++], id, n);
}

static void check_diagnostics(program *p, fp_diags *d, const fp_text *text, fp_alloc *a, report *r, coverage *cv,
                              int verbose) {
  for (size_t i = 0; i < d->count; i++) {
    fp_diag *g = &d->items[i];
    char *msg = fp_text_render_diag(text, a, d, g, "en");
    if (verbose) printf("    %s   [%s]\n", msg ? msg : "?", g->id);
    int ok = 0;
    for (int k = 0; k < p->nex && !ok; k++) {
      expect *e = &p->ex[k];
      if (e->kind != EX_DIAG || e->matched || (int)g->severity != e->severity) continue;
      if ((uint32_t)e->line != g->span.line || (uint32_t)e->col != g->span.col) continue;
      if (strcmp(e->text, g->id) != 0 && !(msg && strstr(msg, e->text))) continue;
      e->matched = 1;
      ok = 1;
      covered(cv, g->id);
    }
    if (!ok) fail(r, "unexpected diagnostic: %s [%s]", msg ? msg : "?", g->id);
    fp_free(a, msg);
  }
  for (int k = 0; k < p->nex; k++) {
    expect *e = &p->ex[k];
    if (e->kind == EX_DIAG && !e->matched) {
      char where[32];
      snprintf(where, sizeof where, "%d:%d", e->line, e->col);
      fail(r, "missing diagnostic at %s: %s", where, e->text);
    }
  }
}

/* ---- The scenario -------------------------------------------------------------------------------------------- */

static fp_op_desc make_op(const program *p, const char *kind) {
  fp_op_desc o;
  memset(&o, 0, sizeof o);
  o.handle = "h";
  if (strcmp(kind, "create") == 0) {
    o.kind = FP_OP_CREATE;
    o.path = p->file;
    o.desired_access = 0x80000000u | 0x40000000u | 0x00100000u; /* GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE */
    o.share_access = 1 | 2;
    o.disposition = 3;                                              /* FILE_OPEN_IF */
    o.options = 0x20 | 0x40;                                        /* FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE */
  } else if (strcmp(kind, "read") == 0) {
    o.kind = FP_OP_READ;
    o.length = p->length;
    o.io = (fp_io_path)p->io;
  } else if (strcmp(kind, "write") == 0) {
    static const char data[] = "HELLO WORLD, HELLO WORLD";
    o.kind = FP_OP_WRITE;
    o.length = p->length < sizeof data ? p->length : (unsigned)sizeof data - 1;
    o.data = data;
    o.io = (fp_io_path)p->io;
  } else if (strcmp(kind, "query") == 0) {
    o.kind = FP_OP_QUERY_INFO;
    o.info_class = 5; /* FileStandardInformation */
    o.length = 24;
  } else if (strcmp(kind, "setinfo") == 0) {
    static const unsigned char basic[40] = { 0 };
    o.kind = FP_OP_SET_INFO;
    o.info_class = 4; /* FileBasicInformation */
    o.length = 40;
    o.data = basic;
  } else if (strcmp(kind, "queryopen") == 0) {
    o.kind = FP_OP_QUERY_OPEN;
    o.path = p->file;
    o.info_class = 4;
  } else if (strcmp(kind, "close") == 0) {
    o.kind = FP_OP_CLOSE_HANDLE;
  } else if (strcmp(kind, "sleep") == 0) {
    o.kind = FP_OP_SLEEP;
    o.ticks = 100;
  } else {
    o.kind = FP_OP_KIND_COUNT;
  }
  return o;
}

static fp_engine *build(const program *p, const fp_program *prog, report *r) {
  fp_engine_config cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.seed = p->seed;
  cfg.verifier = p->verifier;
  cfg.memory_pressure = p->pressure;
  cfg.force_irql_checking = p->irql_check;
  cfg.max_events = p->max_events;
  cfg.fail_pool_allocation = p->fail_pool;
  fp_engine *e = fp_engine_new(&cfg);
  if (!e) return NULL;
  static const char a[] = "hello world, this is a.txt";
  static unsigned char b[2048];
  for (size_t i = 0; i < sizeof b; i++) b[i] = (unsigned char)i;
  fp_engine_add_file(e, "\\a.txt", a, sizeof a - 1, 0);
  fp_engine_add_file(e, "\\b.txt", b, sizeof b, 0);
  fp_engine_add_file(e, "\\secret.txt", "top secret", 10, 0);
  fp_engine_set_completion(e, p->pending ? FP_COMPLETE_PENDING : FP_COMPLETE_INLINE, 0);
  int drv = -1;
  if (fp_program_load(prog, e, "Drv", "385100", &drv) != FP_OK) {
    fail(r, "load: %s", fp_engine_error(e), NULL);
    fp_engine_free(e);
    return NULL;
  }
  int read_op = -1, first_thread = -1;
  for (int t = 0; t < p->threads; t++) {
    char name[16];
    snprintf(name, sizeof name, t ? "app%d" : "app", t + 1);
    int id = -1;
    fp_engine_add_thread(e, name, NULL, &id);
    if (t == 0) first_thread = id;
    char ops[256];
    snprintf(ops, sizeof ops, "%s", p->ops);
    for (char *k = strtok(ops, " "); k; k = strtok(NULL, " ")) {
      fp_op_desc o = make_op(p, k);
      if (o.kind == FP_OP_KIND_COUNT) {
        fail(r, "unknown operation: %s", k, NULL);
        continue;
      }
      int index = -1;
      if (fp_engine_add_op(e, id, &o, &index) != FP_OK) fail(r, "add_op %s: %s", k, fp_engine_error(e));
      if (t == 0 && o.kind == FP_OP_READ && read_op < 0) read_op = index;
    }
  }
  if (p->unload[0]) {
    fp_control_desc c;
    memset(&c, 0, sizeof c);
    c.kind = FP_CONTROL_UNLOAD;
    c.driver = drv;
    if (strcmp(p->unload, "during-read") == 0 && read_op >= 0) {
      c.thread = first_thread;
      c.op = read_op;
    } else {
      c.thread = -1;
      c.time = 1000000;
    }
    if (fp_engine_add_control(e, &c) != FP_OK) fail(r, "unload: %s", fp_engine_error(e), NULL);
  }
  return e;
}

/* ---- Checking the trace ------------------------------------------------------------------------------------------- */

static const char *str_of(const cJSON *o, const char *key) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsString(v) ? v->valuestring : "";
}

static int int_of(const cJSON *o, const char *key, int def) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
  return cJSON_IsNumber(v) ? v->valueint : def;
}

static const char *thread_name(const cJSON *root, int id) {
  const cJSON *threads = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "header"), "threads");
  const cJSON *t;
  cJSON_ArrayForEach(t, threads) if (int_of(t, "id", -1) == id) return str_of(t, "name");
  return "?";
}

static void check_trace(program *p, const char *json, report *r, int verbose) {
  cJSON *root = cJSON_Parse(json);
  if (!root) {
    fail(r, "the trace is not JSON", NULL, NULL);
    return;
  }
  const cJSON *events = cJSON_GetObjectItemCaseSensitive(root, "events");
  const cJSON *end = cJSON_GetObjectItemCaseSensitive(root, "end");
  const char *reason = str_of(end, "reason");
  const cJSON *ev;
  /* DbgPrint lines, in order */
  int dbg_index = 0;
  cJSON_ArrayForEach(ev, events) {
    if (strcmp(str_of(ev, "kind"), "dbg_print") != 0) continue;
    char text[MAX_TEXT];
    snprintf(text, sizeof text, "%s", str_of(ev, "text"));
    trim(text);
    if (verbose) printf("    dbg: %s\n", text);
    int k = 0, seen = 0;
    for (; k < p->nex; k++) {
      if (p->ex[k].kind != EX_DBG) continue;
      if (seen++ == dbg_index) break;
    }
    if (k == p->nex) fail(r, "unexpected DbgPrint: %s", text, NULL);
    else if (strcmp(p->ex[k].text, text) != 0) fail(r, "DbgPrint \"%s\", expected \"%s\"", text, p->ex[k].text);
    dbg_index++;
  }
  int dbg_expected = 0;
  for (int k = 0; k < p->nex; k++)
    if (p->ex[k].kind == EX_DBG) dbg_expected++;
  if (dbg_index < dbg_expected) {
    int seen = 0;
    for (int k = 0; k < p->nex; k++)
      if (p->ex[k].kind == EX_DBG && seen++ >= dbg_index) fail(r, "missing DbgPrint: %s", p->ex[k].text, NULL);
  }
  /* the end */
  int want_end = 0;
  for (int k = 0; k < p->nex; k++) {
    expect *e = &p->ex[k];
    if (e->kind == EX_END) {
      want_end = 1;
      if (strcmp(e->text, reason) != 0) fail(r, "the run ended: %s, expected %s", reason, e->text);
    }
    if (e->kind == EX_BUGCHECK) {
      want_end = 1;
      const cJSON *bc = NULL, *x;
      cJSON_ArrayForEach(x, events) if (strcmp(str_of(x, "kind"), "bugcheck") == 0) bc = x;
      if (!bc) {
        fail(r, "no bug check (the run ended: %s)", reason, NULL);
        continue;
      }
      unsigned long long code = strtoull(str_of(bc, "code"), NULL, 16);
      if (code != e->params[0]) fail(r, "bug check %s, expected another", str_of(bc, "code"), NULL);
      const cJSON *ps = cJSON_GetObjectItemCaseSensitive(bc, "parameters");
      for (int i = 1; i < e->nparams; i++) {
        const cJSON *pv = cJSON_GetArrayItem(ps, i - 1);
        unsigned long long v = pv && cJSON_IsString(pv) ? strtoull(pv->valuestring, NULL, 16) : ~0ull;
        if (v != e->params[i]) fail(r, "bug check parameter %s differs", pv && cJSON_IsString(pv) ? pv->valuestring : "?", NULL);
      }
    }
  }
  if (!want_end && strcmp(reason, "completed") != 0) {
    const char *what = "";
    cJSON_ArrayForEach(ev, events) {
      const char *k = str_of(ev, "kind");
      if (strcmp(k, "bugcheck") == 0) what = str_of(ev, "code");
      if (strcmp(k, "run_end") == 0 && *str_of(ev, "what")) what = str_of(ev, "what");
    }
    fail(r, "the run ended: %s %s", reason, what);
  }
  for (int k = 0; k < p->nex; k++) {
    expect *e = &p->ex[k];
    switch (e->kind) {
    case EX_IRQL: case EX_THREAD: case EX_RUNS: case EX_LOCALS: {
      int count = 0, bad = 0, found_local = 0;
      char got[128] = "";
      cJSON_ArrayForEach(ev, events) {
        if (strcmp(str_of(ev, "kind"), "statement") != 0 || int_of(ev, "line", -1) != e->line) continue;
        count++;
        if (e->kind == EX_IRQL && strcmp(str_of(ev, "irql"), e->text) != 0) {
          bad = 1;
          snprintf(got, sizeof got, "%s", str_of(ev, "irql"));
        }
        if (e->kind == EX_THREAD) {
          const char *tn = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ev, "dpc")) ? "DPC" : thread_name(root, int_of(ev, "thread", -1));
          if (strcmp(tn, e->text) != 0) {
            bad = 1;
            snprintf(got, sizeof got, "%s", tn);
          }
        }
        if (e->kind == EX_LOCALS) {
          const cJSON *locals = cJSON_GetObjectItemCaseSensitive(ev, "locals");
          const char *v = str_of(locals, e->text);
          if (*v && strtoull(v, NULL, 0) == strtoull(e->text2, NULL, 0)) found_local = 1;
          else if (*v) snprintf(got, sizeof got, "%s", v);
        }
      }
      char l[32];
      snprintf(l, sizeof l, "%d", e->line);
      if (e->kind == EX_RUNS && count != e->number) {
        char c[32];
        snprintf(c, sizeof c, "%d", count);
        fail(r, "line %s ran %s times", l, c);
      } else if (e->kind != EX_RUNS && count == 0) {
        fail(r, "line %s never ran%s", l, "");
      } else if (bad) {
        fail(r, "line %s ran at/in %s", l, got);
      } else if (e->kind == EX_LOCALS && !found_local) {
        fail(r, "line %s: the local is not shown with that value (%s)", l, got);
      }
      break;
    }
    case EX_STATUS: {
      const cJSON *reqs = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "header"), "requests");
      const cJSON *rq;
      int id = -1;
      cJSON_ArrayForEach(rq, reqs) {
        const char *kind = str_of(rq, "kind");
        if ((strcmp(kind, e->text) == 0 || (strcmp(e->text, "close") == 0 && strcmp(kind, "close_handle") == 0)) &&
            !cJSON_GetObjectItemCaseSensitive(rq, "parent")) {
          id = int_of(rq, "id", -1);
          break;
        }
      }
      const char *st = NULL;
      cJSON_ArrayForEach(ev, events) if (strcmp(str_of(ev, "kind"), "request_end") == 0 && int_of(ev, "request", -2) == id) st = str_of(ev, "status");
      if (!st) fail(r, "request %s did not end", e->text, NULL);
      else if (strcmp(st, e->text2) != 0) fail(r, "status %s, expected %s", st, e->text2);
      break;
    }
    case EX_EXCEPTION: {
      int found = 0;
      cJSON_ArrayForEach(ev, events) {
        if (strcmp(str_of(ev, "kind"), "exception") != 0) continue;
        const char *code = str_of(ev, "code");
        if (strcmp(code, e->text) != 0 && strtoull(code, NULL, 16) != strtoull(e->text, NULL, 16)) continue;
        if (e->text2[0] && strcmp(str_of(ev, "handled"), e->text2) != 0) continue;
        found = 1;
      }
      if (!found) fail(r, "no exception %s %s", e->text, e->text2);
      break;
    }
    case EX_EVENT: case EX_NO_EVENT: {
      int found = 0;
      cJSON_ArrayForEach(ev, events) {
        if (strcmp(str_of(ev, "kind"), e->text) != 0) continue;
        if (e->text2[0]) {
          char *s = cJSON_PrintUnformatted(ev);
          int has = s && strstr(s, e->text2);
          cJSON_free(s);
          if (!has) continue;
        }
        found = 1;
      }
      if (e->kind == EX_EVENT && !found) fail(r, "no event %s %s", e->text, e->text2);
      if (e->kind == EX_NO_EVENT && found) fail(r, "an unexpected event %s %s", e->text, e->text2);
      break;
    }
    case EX_VIOLATION: {
      int found = 0;
      cJSON_ArrayForEach(ev, events) if (strcmp(str_of(ev, "kind"), "violation") == 0 && strcmp(str_of(ev, "rule"), e->text) == 0) found = 1;
      if (!found) fail(r, "no violation %s", e->text, NULL);
      break;
    }
    default:
      break;
    }
  }
  cJSON_Delete(root);
}

/* ---- One program ---------------------------------------------------------------------------------------------------- */

static int run_program(const char *path, const fp_text *text, coverage *cv, int verbose) {
  report r;
  memset(&r, 0, sizeof r);
  program *p = calloc(1, sizeof *p);
  p->path = path;
  p->source = read_file(path, &p->size);
  if (!p->source) {
    printf("FAIL %s\n  cannot read it\n", path);
    free(p);
    return 1;
  }
  parse_directives(p, &r);
  int compile_only = !p->run;
  for (int k = 0; k < p->nex; k++)
    if (p->ex[k].kind == EX_DIAG && p->ex[k].severity == FP_SEV_ERROR) compile_only = 1;
  fp_alloc a = fp_alloc_default();
  fp_diags d = fp_diags_make(&a);
  fp_lang_options o;
  memset(&o, 0, sizeof o);
  o.no_statement_events = p->events_off;
  o.max_call_depth = p->call_depth;
  o.max_vm_bytes = p->vm_bytes;
  o.max_source_bytes = p->source_bytes;
  o.max_compile_bytes = p->compile_bytes;
  fp_program *prog = NULL;
  const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  fp_lang_status st = fp_lang_compile(&a, name, p->source, p->size, &o, &d, &prog);
  check_diagnostics(p, &d, text, &a, &r, cv, verbose);
  if (st != FP_LANG_OK && !compile_only) fail(&r, "the program does not compile", NULL, NULL);
  if (st == FP_LANG_OK && compile_only && p->run) {
    int errors = 0;
    for (int k = 0; k < p->nex; k++)
      if (p->ex[k].kind == EX_DIAG && p->ex[k].severity == FP_SEV_ERROR) errors = 1;
    if (errors) fail(&r, "the program compiled", NULL, NULL);
  }
  if (prog && !compile_only) {
    fp_engine *e = build(p, prog, &r);
    if (e) {
      fp_engine_run(e, 0);
      if (verbose) {
        char *t = fp_engine_trace_text(e);
        printf("%s", t ? t : "");
        fp_string_free(t);
      }
      char *json = fp_engine_trace_json(e, 0, 0);
      if (json) check_trace(p, json, &r, verbose);
      else fail(&r, "no trace", NULL, NULL);
      fp_string_free(json);
      fp_engine_free(e);
    }
  }
  fp_program_free(prog);
  fp_diags_free(&d);
  if (a.live_blocks) fail(&r, "the compiler leaked memory", NULL, NULL);
  printf("%s %s\n%s", r.failed ? "FAIL" : "ok  ", path, r.text);
  free(p->source);
  free(p);
  return r.failed;
}

/* ---- Coverage of diagnostics -------------------------------------------------------------------------------------------- */

static int check_coverage(char **sources, int nsources, coverage *cv, const fp_text *text) {
  int failed = 0, total = 0;
  coverage seen;
  memset(&seen, 0, sizeof seen);
  for (int i = 0; i < nsources; i++) {
    size_t size;
    char *s = read_file(sources[i], &size);
    if (!s) continue;
    for (char *q = s; (q = strstr(q, "\"lang.")) != NULL; q++) {
      char id[96];
      size_t n = 0;
      for (char *c = q + 1; *c && *c != '"' && n < sizeof id - 1; c++) id[n++] = *c;
      id[n] = '\0';
      if (starts(id, "lang.internal.") || strcmp(id, "lang.out_of_memory") == 0) continue;
      int dup = 0;
      for (int k = 0; k < seen.count; k++)
        if (strcmp(seen.ids[k], id) == 0) dup = 1;
      if (dup) continue;
      covered(&seen, id);
      total++;
      if (!fp_text_template(text, id, "en")) {
        printf("FAIL %s has no text in core/text/lang.json\n", id);
        failed = 1;
      }
      int found = 0;
      for (int k = 0; k < cv->count; k++)
        if (strcmp(cv->ids[k], id) == 0) found = 1;
      if (!found) {
        printf("FAIL %s (%s) is expected by no program\n", id, sources[i]);
        failed = 1;
      }
    }
    free(s);
  }
  printf("%d diagnostics, %d expected by programs\n", total, cv->count);
  for (int k = 0; k < seen.count; k++) free(seen.ids[k]);
  free(seen.ids);
  return failed;
}

int main(int argc, char **argv) {
  int verbose = getenv("LANG_CORPUS_VERBOSE") != NULL;
  fp_alloc ta = fp_alloc_default();
  fp_text *text = fp_text_load_builtin(&ta);
  if (!text) {
    printf("FAIL cannot load the text catalogue\n");
    return 1;
  }
  char **sources = NULL;
  int nsources = 0, first = 1;
  coverage cv;
  memset(&cv, 0, sizeof cv);
  int want_coverage = argc > 1 && strcmp(argv[1], "--coverage") == 0;
  if (want_coverage) {
    sources = argv + 2;
    int i = 2;
    while (i < argc && strcmp(argv[i], "--") != 0) i++;
    nsources = i - 2;
    first = i + 1;
  }
  int failed = 0, passed = 0, count = 0;
  for (int i = first; i < argc; i++) {
    int f = run_program(argv[i], text, want_coverage ? &cv : NULL, verbose);
    failed += f;
    passed += !f;
    count++;
  }
  if (want_coverage && check_coverage(sources, nsources, &cv, text)) failed++;
  for (int i = 0; i < cv.count; i++) free(cv.ids[i]);
  free(cv.ids);
  fp_text_free(text);
  printf("%d passed, %d failed\n", passed, failed);
  return failed || count == 0 ? 1 : 0;
}
