/* workload.h: the callback workload of the benchmark (bench/README.md), as plain C for the
 * reference and Lua hosts: the same operations, the same Filter Manager walk over a stack of
 * four filters, the same counters. The fltplay version runs bench/minifilter.c in the real
 * engine; all must report the same callbacks and checksum. */
#ifndef BENCH_WORKLOAD_H
#define BENCH_WORKLOAD_H

#include <stdint.h>

#define BENCH_FILTERS 4
#define BENCH_OPS_PER_SESSION 8   /* create, read, write, query, read, write, cleanup, close */

enum {
  MJ_CREATE = 0x00, MJ_CLOSE = 0x02, MJ_READ = 0x03, MJ_WRITE = 0x04, MJ_QUERY_INFORMATION = 0x05,
  MJ_CLEANUP = 0x12
};

enum { PREOP_SUCCESS_WITH_CALLBACK = 0, PREOP_SUCCESS_NO_CALLBACK = 1, PREOP_COMPLETE = 4 };
enum { POSTOP_FINISHED_PROCESSING = 0 };

#define CBD_IRP_OPERATION 0x1u
#define POST_DRAINING 0x1u
#define OPT_WRITE_THROUGH 0x2u
#define ST_SUCCESS 0x00000000u
#define ST_ACCESS_DENIED 0xC0000022u

/* What a callback sees of FLT_CALLBACK_DATA. */
typedef struct bench_data {
  uint32_t flags;         /* Data->Flags */
  uint8_t major;          /* Data->Iopb->MajorFunction */
  uint32_t create_options;/* Parameters.Create.Options (disposition in the top byte) */
  uint32_t length;        /* Parameters.Read/Write.Length */
  uint32_t status;        /* Data->IoStatus.Status */
  uint64_t information;   /* Data->IoStatus.Information */
} bench_data;

/* Operation `i` of session `k`: its major function, create options and length. */
static inline void bench_op(uint32_t k, int i, bench_data *d) {
  static const uint8_t majors[BENCH_OPS_PER_SESSION] = { MJ_CREATE, MJ_READ, MJ_WRITE, MJ_QUERY_INFORMATION,
                                                         MJ_READ, MJ_WRITE, MJ_CLEANUP, MJ_CLOSE };
  d->flags = CBD_IRP_OPERATION;
  d->major = majors[i];
  d->create_options = 0;
  d->length = 0;
  d->status = ST_SUCCESS;
  d->information = 0;
  if (d->major == MJ_CREATE) d->create_options = (1u << 24) | 0x60u | (k % 7 == 3 ? OPT_WRITE_THROUGH : 0u);
  if (i == 1) d->length = 16 + (k * 37) % 200;        /* small read: no post-op wanted */
  if (i == 2) d->length = 1 + (k * 53) % 300;
  if (i == 3) d->length = 24;                          /* FileStandardInformation */
  if (i == 4) d->length = 257 + (k * 29) % 700;        /* large read */
  if (i == 5) d->length = 15 + 16 * ((k * 11) % 64);   /* (length & 0xF) == 0xF: checked */
}

/* The counters of one filter, and the run's checksum over all of them. */
typedef struct bench_counters {
  uint32_t creates, reads, writes, others, errors, write_through;
} bench_counters;

static inline uint64_t bench_checksum(const bench_counters *c, int n) {
  uint64_t sum = 0;
  for (int f = 0; f < n; f++)
    sum = sum * 31 + c[f].creates * 1u + c[f].reads * 3u + c[f].writes * 5u + c[f].others * 7u +
          c[f].errors * 11u + c[f].write_through * 13u;
  return sum;
}

#endif
