/* fltplay_bench.c: the workload in fltplay (bench/README.md): four instances of
 * bench/minifilter.c compiled by the driver language, one application thread issuing the
 * workload's operations, the whole engine running (I/O manager, Filter Manager walk, checked
 * memory, the trace) with statement events off. Natively and as wasm under Node.
 *   fltplay_bench MINIFILTER.c [SESSIONS] [REPETITIONS] */
#define _POSIX_C_SOURCE 199309L
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "fltplay/engine.h"
#include "fltplay/fltplay.h"
#include "fltplay/lang.h"
#include "timing.h"
#include "workload.h"

#include "base/alloc.h"
#include "base/diag.h"

static char *read_file(const char *path, size_t *length) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *data = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
    free(data);
    data = NULL;
  }
  fclose(f);
  if (data) data[n] = 0;
  *length = (size_t)n;
  return data;
}

/* The four filters: the same source with FILTER_INDEX 0..3 (0 = the highest altitude). */
static int compile_filters(const char *source, size_t length, fp_program **programs) {
  for (int f = 0; f < BENCH_FILTERS; f++) {
    size_t cap = length + 64;
    char *text = malloc(cap);
    if (!text) return 0;
    int head = snprintf(text, cap, "#define FILTER_INDEX %d\n", f);
    memcpy(text + head, source, length);
    fp_alloc a = fp_alloc_default();
    fp_diags d = fp_diags_make(&a);
    fp_lang_options options;
    memset(&options, 0, sizeof options);
    options.no_statement_events = 1;
    fp_lang_status st = fp_lang_compile(NULL, "minifilter.c", text, (size_t)head + length, &options, &d, &programs[f]);
    free(text);
    if (st != FP_LANG_OK) {
      fprintf(stderr, "fltplay_bench: minifilter.c does not compile (%zu errors)\n", d.errors);
      fp_diags_free(&d);
      return 0;
    }
    fp_diags_free(&d);
  }
  return 1;
}

/* One engine with the workload: the filters, the file, the application's script. */
static fp_engine *build(fp_program **programs, uint32_t sessions) {
  fp_engine_config config;
  memset(&config, 0, sizeof config);
  config.seed = 1;
  config.verifier = 1;
  config.max_events = 4000000000u / 1000u;
  fp_engine *e = fp_engine_new(&config);
  if (!e) return NULL;
  static char contents[4096];
  memset(contents, 'x', sizeof contents);
  fp_engine_add_file(e, "\\bench.dat", contents, sizeof contents, 0);
  static const char *const names[BENCH_FILTERS] = { "Bench0", "Bench1", "Bench2", "Bench3" };
  static const char *const altitudes[BENCH_FILTERS] = { "389000", "388000", "387000", "386000" };
  int ids[BENCH_FILTERS];
  for (int f = 0; f < BENCH_FILTERS; f++)
    if (fp_program_load(programs[f], e, names[f], altitudes[f], &ids[f]) != FP_OK) {
      fprintf(stderr, "fltplay_bench: %s\n", fp_engine_error(e));
      fp_engine_free(e);
      return NULL;
    }
  int t;
  fp_engine_add_thread(e, "app", "bench.exe", &t);
  static uint8_t data[4096];
  for (uint32_t k = 0; k < sessions; k++) {
    for (int i = 0; i < BENCH_OPS_PER_SESSION - 1; i++) { /* cleanup and close come from one NtClose */
      bench_data w;
      bench_op(k, i, &w);
      fp_op_desc o;
      memset(&o, 0, sizeof o);
      o.handle = "h";
      switch (w.major) {
        case MJ_CREATE:
          o.kind = FP_OP_CREATE;
          o.path = "\\bench.dat";
          o.desired_access = 0x80000000u | 0x40000000u | 0x00100000u; /* GENERIC_READ|GENERIC_WRITE|SYNCHRONIZE */
          o.share_access = 1;
          o.disposition = w.create_options >> 24;
          o.options = w.create_options & 0x00FFFFFFu;
          break;
        case MJ_READ: o.kind = FP_OP_READ; o.length = w.length; break;
        case MJ_WRITE: o.kind = FP_OP_WRITE; o.length = w.length; o.data = data; break;
        case MJ_QUERY_INFORMATION: o.kind = FP_OP_QUERY_INFO; o.info_class = 5; o.length = w.length; break;
        default: o.kind = FP_OP_CLOSE_HANDLE; break;
      }
      if (fp_engine_add_op(e, t, &o, NULL) != FP_OK) {
        fprintf(stderr, "fltplay_bench: %s\n", fp_engine_error(e));
        fp_engine_free(e);
        return NULL;
      }
    }
  }
  for (int f = 0; f < BENCH_FILTERS; f++) {
    fp_control_desc c = { FP_CONTROL_UNLOAD, ids[f], -1, -1, (uint64_t)1 << 40 };
    fp_engine_add_control(e, &c);
  }
  return e;
}

/* The counters the filters printed when they were unloaded (the trace's last dbg_print events). */
static int read_counters(const fp_engine *e, bench_counters *c) {
  uint32_t count = fp_engine_event_count(e), first = count > 400 ? count - 400 : 0;
  char *json = fp_engine_trace_json(e, first, count - first);
  cJSON *chunk = json ? cJSON_Parse(json) : NULL;
  fp_string_free(json);
  int found = 0;
  const cJSON *ev;
  cJSON_ArrayForEach(ev, cJSON_GetObjectItemCaseSensitive(chunk, "events")) {
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(ev, "kind");
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(ev, "text");
    if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "dbg_print") != 0 || !cJSON_IsString(text)) continue;
    bench_counters *x = &c[found < BENCH_FILTERS ? found : BENCH_FILTERS - 1];
    if (sscanf(text->valuestring, "counters %u %u %u %u %u %u", &x->creates, &x->reads, &x->writes, &x->others,
               &x->errors, &x->write_through) == 6)
      found++;
  }
  cJSON_Delete(chunk);
  return found == BENCH_FILTERS;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: fltplay_bench MINIFILTER.c [SESSIONS] [REPETITIONS]\n", stderr);
    return 2;
  }
  uint32_t sessions = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 2000;
  int repetitions = argc > 3 ? atoi(argv[3]) : 5;
  size_t length;
  char *source = read_file(argv[1], &length);
  fp_program *programs[BENCH_FILTERS] = { NULL };
  if (!source || !compile_filters(source, length, programs)) {
    fprintf(stderr, "fltplay_bench: cannot use %s\n", argv[1]);
    return 1;
  }
  free(source);
  double best = 1e30;
  uint64_t calls = 0, checksum = 0;
  int ok = 1;
  for (int r = 0; r < repetitions && ok; r++) {
    fp_engine *e = build(programs, sessions);
    if (!e) return 1;
    double start = bench_now();
    fp_end_reason end = fp_engine_run(e, 0);
    double elapsed = bench_now() - start;
    if (end != FP_END_COMPLETED) {
      fprintf(stderr, "fltplay_bench: the run ended with reason %d after %u events; its end:\n", (int)end,
              fp_engine_event_count(e));
      char *text = fp_engine_trace_text(e);
      size_t n = text ? strlen(text) : 0;
      fputs(text && n > 3000 ? text + n - 3000 : (text ? text : ""), stderr);
      fp_string_free(text);
      ok = 0;
    }
    /* Callbacks: every callback_enter but the four DriverEntry and the four unload callbacks. */
    calls = fp_engine_count_events(e, "callback_enter") - 2u * BENCH_FILTERS;
    bench_counters c[BENCH_FILTERS];
    memset(c, 0, sizeof c);
    if (!read_counters(e, c)) {
      fputs("fltplay_bench: the filters did not print their counters\n", stderr);
      ok = 0;
    }
    checksum = bench_checksum(c, BENCH_FILTERS);
    fp_engine_free(e);
    if (elapsed < best) best = elapsed;
  }
  for (int f = 0; f < BENCH_FILTERS; f++) fp_program_free(programs[f]);
  if (!ok) return 1;
#ifdef __EMSCRIPTEN__
  bench_report("fltplay-wasm", calls, best, checksum);
#else
  bench_report("fltplay", calls, best, checksum);
#endif
  return 0;
}
