/* reference.c: the workload in plain C, callbacks called through function pointers: the
 * physical limit of this machine for the benchmark (bench/README.md).
 *   reference [SESSIONS] [REPETITIONS] */
#define _POSIX_C_SOURCE 199309L
#include <stdlib.h>
#include <string.h>

#include "timing.h"
#include "workload.h"

typedef int (*pre_fn)(int filter, bench_data *d, bench_counters *c);
typedef int (*post_fn)(int filter, bench_data *d, bench_counters *c, uint32_t flags);

static uint32_t check_write(uint32_t length) {
  return (length & 0x30u) == 0x30u ? ST_ACCESS_DENIED : ST_SUCCESS;
}

static int pre_op(int filter, bench_data *d, bench_counters *c) {
  uint8_t major = d->major;
  if (major == MJ_CREATE) {
    uint32_t options = d->create_options & 0x00FFFFFFu;
    if (options & OPT_WRITE_THROUGH) c->write_through++;
    return PREOP_SUCCESS_WITH_CALLBACK;
  }
  if (major == MJ_WRITE) {
    uint32_t length = d->length;
    if ((d->flags & CBD_IRP_OPERATION) && (length & 0xFu) == 0xFu && filter == 2) {
      uint32_t status = check_write(length);
      if (status & 0x80000000u) { /* !NT_SUCCESS */
        d->status = status;
        d->information = 0;
        return PREOP_COMPLETE;
      }
    }
    return PREOP_SUCCESS_WITH_CALLBACK;
  }
  if (major == MJ_READ) return d->length > 256 ? PREOP_SUCCESS_WITH_CALLBACK : PREOP_SUCCESS_NO_CALLBACK;
  return PREOP_SUCCESS_WITH_CALLBACK;
}

static int post_op(int filter, bench_data *d, bench_counters *c, uint32_t flags) {
  (void)filter;
  if (flags & POST_DRAINING) return POSTOP_FINISHED_PROCESSING;
  if ((d->status >> 30) == 3) { /* NT_ERROR */
    c->errors++;
    return POSTOP_FINISHED_PROCESSING;
  }
  switch (d->major) {
    case MJ_READ: c->reads++; break;
    case MJ_WRITE: c->writes++; break;
    case MJ_CREATE: c->creates++; break;
    default: c->others++; break;
  }
  return POSTOP_FINISHED_PROCESSING;
}

/* The tables are volatile so that the compiler calls through them, as the Filter Manager does. */
static pre_fn volatile pres[BENCH_FILTERS] = { pre_op, pre_op, pre_op, pre_op };
static post_fn volatile posts[BENCH_FILTERS] = { post_op, post_op, post_op, post_op };

/* One run of the workload; returns the callbacks made. */
static uint64_t run(uint32_t sessions, bench_counters *c) {
  uint64_t calls = 0;
  for (uint32_t k = 0; k < sessions; k++)
    for (int i = 0; i < BENCH_OPS_PER_SESSION; i++) {
      bench_data d;
      bench_op(k, i, &d);
      int want[BENCH_FILTERS] = { 0 };
      int stop = BENCH_FILTERS;
      for (int f = 0; f < BENCH_FILTERS; f++) {
        int r = pres[f](f, &d, &c[f]);
        calls++;
        if (r == PREOP_COMPLETE) {
          stop = f;
          break;
        }
        want[f] = r == PREOP_SUCCESS_WITH_CALLBACK;
      }
      if (stop == BENCH_FILTERS) { /* the file system completes the IRP */
        d.status = ST_SUCCESS;
        d.information = d.length;
      }
      for (int f = stop - 1; f >= 0; f--)
        if (want[f]) {
          posts[f](f, &d, &c[f], 0);
          calls++;
        }
    }
  return calls;
}

int main(int argc, char **argv) {
  uint32_t sessions = argc > 1 ? (uint32_t)strtoul(argv[1], NULL, 10) : 2000;
  int repetitions = argc > 2 ? atoi(argv[2]) : 5;
  double best = 1e30;
  uint64_t calls = 0, checksum = 0;
  for (int r = 0; r < repetitions; r++) {
    /* Repeat the workload until a measurable time has passed; the rate is per run. */
    int inner = 0;
    double start = bench_now(), elapsed;
    do {
      bench_counters c[BENCH_FILTERS];
      memset(c, 0, sizeof c);
      calls = run(sessions, c);
      checksum = bench_checksum(c, BENCH_FILTERS);
      inner++;
      elapsed = bench_now() - start;
    } while (elapsed < 0.2);
    if (elapsed / inner < best) best = elapsed / inner;
  }
  bench_report("c", calls, best, checksum);
  return 0;
}
