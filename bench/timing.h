/* timing.h: a monotonic clock and the result line every benchmark program prints. */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#include <inttypes.h>
#include <stdio.h>
#include <time.h>

static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One line: the program, callbacks per run, the best rate over the repetitions, and the
 * checksum that every implementation must agree on. */
static inline void bench_report(const char *name, uint64_t callbacks, double best_seconds, uint64_t checksum) {
  printf("bench %s callbacks=%" PRIu64 " seconds=%.6f rate=%.3f checksum=%" PRIu64 "\n", name, callbacks,
         best_seconds, (double)callbacks / best_seconds / 1e6, checksum);
}

#endif
