/* trace.h: the run's events, in order, as the engine records them; written as JSON by
 * trace_json.c (format: docs/trace-format.md). Every step of a run is an event; the last one
 * is always TRC_RUN_END. Events are compact records; variable-size details (arguments, the
 * state that changed, bug-check parameters) live in a side table of 64-bit words and strings
 * are interned. Ownership: the engine owns its trace (trc_init/trc_free). */
#ifndef FP_ENGINE_TRACE_H
#define FP_ENGINE_TRACE_H

#include <stdint.h>

#include "base/alloc.h"

/* Event kinds: X(name, json name). */
#define TRC_KINDS(X)                                   \
  X(RUN_START, "run_start")                            \
  X(RUN_END, "run_end")                                \
  X(DRIVER_LOAD, "driver_load")                        \
  X(FILTER_REGISTERED, "filter_registered")            \
  X(FILTER_STARTED, "filter_started")                  \
  X(INSTANCE_ATTACHED, "instance_attached")            \
  X(INSTANCE_NOT_ATTACHED, "instance_not_attached")    \
  X(CONTROL, "control")                                \
  X(THREAD_SWITCH, "thread_switch")                    \
  X(IRQL_CHANGE, "irql_change")                        \
  X(DPC_START, "dpc_start")                            \
  X(DPC_END, "dpc_end")                                \
  X(WAIT, "wait")                                      \
  X(WAKE, "wake")                                      \
  X(WORK_QUEUED, "work_queued")                        \
  X(WORK_START, "work_start")                          \
  X(WORK_END, "work_end")                              \
  X(REQUEST_START, "request_start")                    \
  X(REQUEST_END, "request_end")                        \
  X(OP_START, "op_start")                              \
  X(OP_END, "op_end")                                  \
  X(INSTANCE_SKIPPED, "instance_skipped")              \
  X(CALLBACK_ENTER, "callback_enter")                  \
  X(CALLBACK_EXIT, "callback_exit")                    \
  X(PARAMS_IGNORED, "params_ignored")                  \
  X(OP_PENDED, "op_pended")                            \
  X(OP_RESUMED, "op_resumed")                          \
  X(SYNC_HANDOFF, "sync_handoff")                      \
  X(IRP_DOWN, "irp_down")                              \
  X(FS_RESULT, "fs_result")                            \
  X(IRP_COMPLETE, "irp_complete")                      \
  X(FAST_IO_REFUSED, "fast_io_refused")                \
  X(API_CALL, "api_call")                              \
  X(API_RETURN, "api_return")                          \
  X(POOL_ALLOC, "pool_alloc")                          \
  X(POOL_FREE, "pool_free")                            \
  X(PAGE_OUT, "page_out")                              \
  X(PAGE_IN, "page_in")                                \
  X(MEMORY_WARNING, "memory_warning")                  \
  X(DRAIN, "drain")                                    \
  X(TEARDOWN, "teardown")                              \
  X(FILTER_UNLOADED, "filter_unloaded")                \
  X(STATEMENT, "statement")                            \
  X(DBG_PRINT, "dbg_print")                            \
  X(LINT, "lint")                                      \
  X(VIOLATION, "violation")                            \
  X(EXCEPTION, "exception")                            \
  X(BUGCHECK, "bugcheck")                              \
  X(HANG, "hang")

typedef enum trc_kind {
#define X(name, json) TRC_##name,
  TRC_KINDS(X)
#undef X
  TRC_KIND_COUNT
} trc_kind;

/* One event. The meaning of a, b, x, y, str and the side words depends on the kind; the JSON
 * writer is the one place that spells them out. */
typedef struct trc_event {
  uint32_t seq;       /* position in the trace, from 0 */
  uint16_t kind;      /* trc_kind */
  uint8_t irql;       /* the IRQL when the event happened */
  uint8_t dpc;        /* 1 if it happened in a DPC (on top of `thread`) */
  uint64_t time;      /* simulated time in ticks */
  int16_t thread;     /* the thread (-1: none) */
  int16_t instance;   /* the filter instance concerned (-1: none) */
  int32_t op;         /* the Filter Manager operation (callback data) concerned (-1: none) */
  int32_t request;    /* the application request concerned (-1: none) */
  uint32_t a, b;      /* small kind-specific values */
  uint32_t str;       /* an interned string (0: none) */
  uint64_t x, y;      /* wide kind-specific values */
  uint32_t words;     /* first side word (index into trc->words) */
  uint32_t nwords;    /* number of side words */
} trc_event;          /* (64 bytes: no padding) */

#define TRC_CONST_CACHE 64u

/* Events live in chunks of TRC_CHUNK (64 KiB): a growing trace never copies what it holds. */
#define TRC_CHUNK_SHIFT 10u
#define TRC_CHUNK (1u << TRC_CHUNK_SHIFT)
#define TRC_WCHUNK_SHIFT 13u
#define TRC_WCHUNK (1u << TRC_WCHUNK_SHIFT)

typedef struct trc_trace {
  fp_alloc *alloc;
  trc_event **chunks;  /* chunks[c] holds events [c * TRC_CHUNK, (c + 1) * TRC_CHUNK) */
  uint32_t nchunks, chunks_cap;
  trc_event *next, *end; /* the next free slot of the last chunk and that chunk's end (both
                            the same when there is no room: no chunk yet, or memory ran out) */
  trc_event *last;     /* the last event added (NULL before the first) */
  uint32_t count, cap; /* cap: nchunks * TRC_CHUNK */
  uint64_t **wchunks;  /* side words in chunks of TRC_WCHUNK; an event's words never straddle two */
  uint32_t nwchunks, wchunks_cap;
  uint32_t nwords;     /* the next free word's index */
  uint64_t *wnext, *wend; /* where the next word goes in the last chunk, and its end (the same
                             when there is no room) */
  char **strings;      /* strings[id - 1] */
  uint32_t nstrings, strings_cap;
  uint32_t *hash;      /* open addressing: string ids, 0 = empty */
  uint32_t hash_cap;
  const char *const_keys[TRC_CONST_CACHE]; /* trc_intern_const: string constants seen ... */
  uint32_t const_ids[TRC_CONST_CACHE];     /* ... and their ids (direct-mapped by address) */
  int failed;          /* an allocation failed: later events were lost */
} trc_trace;

/* Prepares an empty trace. */
void trc_init(trc_trace *t, fp_alloc *a);

/* Releases everything the trace holds. */
void trc_free(trc_trace *t);

/* Appends an event (seq is filled in) and returns it, or NULL when memory runs out. */
trc_event *trc_add(trc_trace *t, const trc_event *e);

/* trc_new's slow path: grows the table first. */
trc_event *trc_grow(trc_trace *t);

/* Event `i` (i < count). */
static inline trc_event *trc_at(const trc_trace *t, uint32_t i) {
  return &t->chunks[i >> TRC_CHUNK_SHIFT][i & (TRC_CHUNK - 1u)];
}

/* Appends an event whose seq, words and nwords are filled in (the other fields are left for
 * the caller to set) and returns it, or NULL when memory runs out. */
static inline trc_event *trc_new(trc_trace *t) {
  if (t->next == t->end) return trc_grow(t);
  trc_event *out = t->next++;
#if defined(__GNUC__)
  /* (new lines: fetched ahead; computed as an integer, since past the chunk's end a prefetch is
   * harmless but a pointer would not be) */
  __builtin_prefetch((const void *)((uintptr_t)out + 8u * sizeof *out), 1);
#endif
  out->seq = t->count++;
  out->words = t->nwords;
  out->nwords = 0;
  t->last = out;
  return out;
}

/* The side words of `ev` (ev->nwords of them, in a row); NULL when it has none. */
static inline const uint64_t *trc_words(const trc_trace *t, const trc_event *ev) {
  if (!ev->nwords) return NULL;
  return &t->wchunks[ev->words >> TRC_WCHUNK_SHIFT][ev->words & (TRC_WCHUNK - 1u)];
}

/* trc_add_words's slow path: a new chunk, where the last event's words move first. */
int trc_add_words_grow(trc_trace *t, const uint64_t *w, uint32_t n);

/* Appends side words to the last event. Returns 0 when memory runs out. */
static inline int trc_add_words(trc_trace *t, const uint64_t *w, uint32_t n) {
  if (!n) return !t->failed;
  if (!t->last || (size_t)(t->wend - t->wnext) < n) return trc_add_words_grow(t, w, n);
  uint64_t *to = t->wnext;
  for (uint32_t i = 0; i < n; i++) to[i] = w[i];
  t->wnext += n;
  t->nwords += n;
  t->last->nwords += n;
  return 1;
}

/* The id of `s` in the string table (adding it if needed); 0 when memory runs out. */
uint32_t trc_intern(trc_trace *t, const char *s);

/* trc_intern for a string constant: `s` must keep its address and its contents for the
 * trace's lifetime (a literal, an entry of a static table), so its id is found by address. */
uint32_t trc_intern_const(trc_trace *t, const char *s);

/* The string with id `id` ("" for 0). */
const char *trc_string(const trc_trace *t, uint32_t id);

/* The JSON name of an event kind. */
const char *trc_kind_name(trc_kind k);

#endif
