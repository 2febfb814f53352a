/* eval_run.c: the checks of a run as a whole (no_violation, violation, final_status, no_leak,
 * no_hang, completed, dbg_print) over its events (eval_int.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/eval_int.h"
#include "nt/nt.h"

const char *lx_irql_name(unsigned level) {
  const char *n = fp_nt_irql_name(level);
  return n ? n : "?";
}

const char *lx_end_text(const char *end) {
  static const char *const ends[] = { "@lesson.end.running", "@lesson.end.completed", "@lesson.end.bugcheck",
                                      "@lesson.end.verifier", "@lesson.end.hang", "@lesson.end.budget",
                                      "@lesson.end.internal" };
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
    if (strcmp(ends[i] + strlen("@lesson.end."), end) == 0) return ends[i];
  return "@lesson.end.internal";
}

static int is(const lx_event *ev, const char *kind) { return strcmp(ev->kind, kind) == 0; }

static int allowed(const lx_goal *g, const char *rule) {
  for (const cJSON *k = g->allow ? g->allow->child : NULL; k; k = k->next)
    if (cJSON_IsString(k) && strcmp(k->valuestring, rule) == 0) return 1;
  return 0;
}

static void no_violation_event(lx_state *s, const lx_event *ev) {
  const char *rule = lx_string_field(ev->json, "rule");
  if (is(ev, "violation") && !allowed(s->goal, rule)) {
    const char *label = lx_string_field(ev->json, "label");
    lx_set(s, 0, ev->seq, "lesson.reason.violation", "rule", rule[0] ? rule : label, "label", label, (const char *)NULL);
  } else if (is(ev, "bugcheck")) {
    lx_set(s, 0, ev->seq, "lesson.reason.bugcheck", "code", lx_string_field(ev->json, "code"), "name",
           lx_string_field(ev->json, "name"), (const char *)NULL);
  } else if (is(ev, "hang") && !allowed(s->goal, rule)) {
    lx_set(s, 0, ev->seq, "lesson.reason.hang", "what", lx_string_field(ev->json, "what"), (const char *)NULL);
  } else if (is(ev, "memory_warning")) {
    lx_set(s, 0, ev->seq, "lesson.reason.memory_warning", "what", lx_string_field(ev->json, "what"), "address",
           lx_string_field(ev->json, "address"), (const char *)NULL);
  }
}

/* A bug check's code from the trace ("0xD1"). */
static uint32_t code_of(const lx_event *ev) { return (uint32_t)strtoul(lx_string_field(ev->json, "code"), NULL, 16); }

static void violation_event(lx_state *s, const lx_event *ev) {
  const lx_goal *g = s->goal;
  if (!is(ev, "violation") && !is(ev, "bugcheck") && !is(ev, "hang") && !is(ev, "lint")) return;
  if (g->rule ? strcmp(lx_string_field(ev->json, "rule"), g->rule) == 0 : is(ev, "bugcheck") && code_of(ev) == g->bugcheck)
    lx_set(s, 1, ev->seq, NULL);
}

/* final_status: one application operation (thread, index), or every operation of a major. */
static void status_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  const lx_goal *g = s->goal;
  const char *status = lx_string_field(ev->json, "status");
  uint32_t value = 0;
  if (g->thread) {
    if (ev->request < 0 || ev->request != s->request) return;
    if (is(ev, "request_start")) s->started = 1;
    if (is(ev, "request_end")) {
      s->pending = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ev->json, "asynchronous"));
      s->ended = 1;
    } else if (!(is(ev, "op_end") && s->pending)) {
      return;
    }
    snprintf(s->status, sizeof s->status, "%s", status);
    s->last = ev->seq;
    return;
  }
  if (ev->op < 0 || (size_t)ev->op >= e->trace->op_count) return;
  const lx_op *op = &e->trace->ops[ev->op];
  if (op->generated || strcmp(op->major, g->major) != 0) return;
  if (is(ev, "op_start")) s->started++;
  if (!is(ev, "op_end")) return;
  s->count++;
  if (s->first < 0) s->first = ev->seq;
  if (!lx_status_value(status, &value) || value != g->status)
    lx_set(s, 0, ev->seq, "lesson.reason.status_major", "major", g->major, "status", status, "wanted", g->status_name,
           (const char *)NULL);
}

static void status_finish(lx_eval *e, lx_state *s) {
  const lx_goal *g = s->goal;
  char op[16];
  snprintf(op, sizeof op, "%d", g->op);
  if (g->major) {
    if (!s->count && !s->started)
      lx_set(s, 0, lx_end_step(e), "lesson.reason.no_op", "major", g->major, (const char *)NULL);
    else if (s->count < s->started)
      lx_set(s, 0, lx_end_step(e), "lesson.reason.unfinished_major", "major", g->major, "end", lx_end_text(e->trace->end),
             (const char *)NULL);
    else
      lx_set(s, 1, s->first, NULL);
    return;
  }
  uint32_t value = 0;
  if (s->request < 0 || !s->started)
    lx_set(s, 0, lx_end_step(e), "lesson.reason.never_issued", "op", op, "thread", g->thread, "end",
           lx_end_text(e->trace->end), (const char *)NULL);
  else if (!s->ended || (s->pending && lx_status_value(s->status, &value) && value == 0x103))
    lx_set(s, 0, lx_end_step(e), "lesson.reason.unfinished", "op", op, "thread", g->thread, "end",
           lx_end_text(e->trace->end), (const char *)NULL);
  else if (!lx_status_value(s->status, &value) || value != g->status)
    lx_set(s, 0, s->last, "lesson.reason.status", "op", op, "thread", g->thread, "status", s->status, "wanted",
           g->status_name, (const char *)NULL);
  else
    lx_set(s, 1, s->last, NULL);
}

/* no_leak: pool blocks allocated in the driver's code and never freed. */
static int leak_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  const char *address = lx_string_field(ev->json, "address");
  if (is(ev, "pool_free")) {
    for (size_t i = 0; i < s->block_count; i++)
      if (strcmp(s->blocks[i].address, address) == 0) {
        s->blocks[i] = s->blocks[--s->block_count];
        break;
      }
    return 1;
  }
  if (!is(ev, "pool_alloc") || strtoull(address, NULL, 16) == 0) return 1;
  if (ev->driver < 0 || (size_t)ev->driver >= e->trace->driver_count) return 1;
  const lx_driver *d = &e->trace->drivers[ev->driver];
  if (s->goal->filter ? strcmp(d->name, s->goal->filter) != 0 : !d->learner) return 1;
  if (s->block_count == s->block_cap) {
    size_t cap = s->block_cap ? s->block_cap * 2 : 16;
    lx_block *grown = fp_realloc(e->alloc, s->blocks, cap * sizeof *grown);
    if (!grown) return 0;
    s->blocks = grown;
    s->block_cap = cap;
  }
  lx_block *b = &s->blocks[s->block_count++];
  snprintf(b->address, sizeof b->address, "%s", address);
  int size = lx_int_field(ev->json, "size");
  b->size = size > 0 ? (uint32_t)size : 0;
  snprintf(b->tag, sizeof b->tag, "%s", lx_string_field(ev->json, "tag"));
  b->seq = ev->seq;
  return 1;
}

static void leak_finish(lx_eval *e, lx_state *s) {
  if (strcmp(e->trace->end, "completed") != 0) {
    lx_set(s, 0, lx_end_step(e), "lesson.reason.leak_unknown", "end", lx_end_text(e->trace->end), (const char *)NULL);
    return;
  }
  if (!s->block_count) {
    lx_set(s, 1, -1, NULL);
    return;
  }
  const lx_block *first = &s->blocks[0];
  for (size_t i = 1; i < s->block_count; i++)
    if (s->blocks[i].seq < first->seq) first = &s->blocks[i];
  char count[24], size[16];
  snprintf(count, sizeof count, "%zu", s->block_count);
  snprintf(size, sizeof size, "%u", first->size);
  lx_set(s, 0, first->seq, "lesson.reason.leak", "count", count, "size", size, "tag", first->tag, (const char *)NULL);
}

/* dbg_print: the output so far ends with `tail`; a match may span several DbgPrint calls. */
static int print_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  if (!is(ev, "dbg_print")) return 1;
  const char *text = lx_string_field(ev->json, "text");
  size_t keep = strlen(s->goal->needle) - 1, had = s->tail ? strlen(s->tail) : 0, n = strlen(text);
  char *all = fp_malloc(e->alloc, had + n + 1);
  if (!all) return 0;
  if (had) memcpy(all, s->tail, had);
  memcpy(all + had, text, n + 1);
  fp_free(e->alloc, s->tail);
  s->tail = NULL;
  if (strstr(all, s->goal->needle)) {
    fp_free(e->alloc, all);
    lx_set(s, 1, ev->seq, NULL);
    return 1;
  }
  size_t len = had + n;
  if (len > keep) memmove(all, all + len - keep, keep + 1);
  s->tail = all;
  return 1;
}

int lx_run_begin(lx_eval *e, lx_state *s) {
  s->request = -1;
  const lx_goal *g = s->goal;
  if (g->check != LX_FINAL_STATUS || !g->thread) return 1;
  const lx_trace *t = e->trace;
  for (size_t i = 0; i < t->request_count; i++) {
    int th = t->requests[i].thread;
    if (t->requests[i].index == g->op && th >= 0 && (size_t)th < t->thread_count && strcmp(t->threads[th].name, g->thread) == 0)
      s->request = (int)i;
  }
  return 1;
}

int lx_run_event(lx_eval *e, lx_state *s, const lx_event *ev) {
  switch (s->goal->check) {
  case LX_NO_VIOLATION: no_violation_event(s, ev); return 1;
  case LX_VIOLATION: violation_event(s, ev); return 1;
  case LX_FINAL_STATUS: status_event(e, s, ev); return 1;
  case LX_NO_LEAK: return leak_event(e, s, ev);
  case LX_NO_HANG:
    if (is(ev, "hang"))
      lx_set(s, 0, ev->seq, "lesson.reason.hang", "what", lx_string_field(ev->json, "what"), (const char *)NULL);
    return 1;
  case LX_DBG_PRINT: return print_event(e, s, ev);
  default: return 1;
  }
}

void lx_run_finish(lx_eval *e, lx_state *s) {
  const char *end = e->trace->end;
  int completed = strcmp(end, "completed") == 0;
  switch (s->goal->check) {
  case LX_NO_VIOLATION:
    /* Violations, bug checks and hangs were seen as events (allowed rules pass): what is left
     * is a run that did not end by itself. */
    if (strcmp(end, "budget") != 0 && strcmp(end, "internal") != 0 && strcmp(end, "running") != 0) lx_set(s, 1, -1, NULL);
    else lx_set(s, 0, lx_end_step(e), "lesson.reason.end", "end", lx_end_text(end), (const char *)NULL);
    break;
  case LX_NO_HANG:
    if (strcmp(end, "hang") != 0) lx_set(s, 1, -1, NULL);
    else lx_set(s, 0, lx_end_step(e), "lesson.reason.end", "end", lx_end_text(end), (const char *)NULL);
    break;
  case LX_VIOLATION: {
    char expected[48];
    if (s->goal->rule) snprintf(expected, sizeof expected, "%s", s->goal->rule);
    else snprintf(expected, sizeof expected, "0x%X", (unsigned)s->goal->bugcheck);
    lx_set(s, 0, lx_end_step(e), "lesson.reason.not_broken", "expected", expected, "end", lx_end_text(end), (const char *)NULL);
    break;
  }
  case LX_FINAL_STATUS: status_finish(e, s); break;
  case LX_NO_LEAK: leak_finish(e, s); break;
  case LX_COMPLETED:
    if (completed) lx_set(s, 1, lx_end_step(e), NULL);
    else lx_set(s, 0, lx_end_step(e), "lesson.reason.not_completed", "end", lx_end_text(end), (const char *)NULL);
    break;
  case LX_DBG_PRINT:
    lx_set(s, 0, lx_end_step(e), "lesson.reason.no_output", "text", s->goal->needle, (const char *)NULL);
    break;
  default: lx_set(s, 0, lx_end_step(e), "lesson.reason.end", "end", lx_end_text(end), (const char *)NULL); break;
  }
}

void lx_run_free(lx_eval *e, lx_state *s) {
  fp_free(e->alloc, s->blocks);
  fp_free(e->alloc, s->tail);
  s->blocks = NULL;
  s->tail = NULL;
}
