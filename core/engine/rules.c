/* rules.c: the verifier's table and how a broken rule ends (or does not end) a run. */
#include "engine/rules.h"

#include <stdio.h>
#include <string.h>

#include "nt/nt.h"

typedef struct rule_entry {
  const char *id;
  rule_kind kind;
  const char *label;
  const char *page;
} rule_entry;

static const rule_entry table[RULE_COUNT] = {
#define X(e, id, kind, label, page) { id, kind, label, page },
  RULES(X)
#undef X
};

const char *rules_id(rule_id r) { return (unsigned)r < RULE_COUNT ? table[r].id : "NONE"; }

rule_kind rules_kind(rule_id r) { return (unsigned)r < RULE_COUNT ? table[r].kind : RK_BEHAVIOUR; }

const char *rules_label(rule_id r) { return (unsigned)r < RULE_COUNT ? table[r].label : NULL; }

const char *rules_link(rule_id r, char *buf, size_t size) {
  if ((unsigned)r >= RULE_COUNT) return "";
  snprintf(buf, size, "https://learn.microsoft.com/windows-hardware/drivers/%s", table[r].page);
  return buf;
}

rule_id rules_find(const char *id) {
  for (int i = 0; i < RULE_COUNT; i++)
    if (strcmp(table[i].id, id) == 0) return (rule_id)i;
  return RULE_NONE;
}

size_t fp_rule_count(void) { return RULE_COUNT; }

const char *fp_rule_id_at(size_t i) { return i < RULE_COUNT ? table[i].id : NULL; }

int fp_rule_exists(const char *id) { return id && rules_find(id) != RULE_NONE; }

int fp_rule_info_get(const char *id, fp_rule_info *out) {
  static const char *const kinds[] = { "bugcheck", "verifier", "not_settled", "lint", "hang", "behaviour" };
  rule_id r = id ? rules_find(id) : RULE_NONE;
  if (r == RULE_NONE || !out) return 0;
  out->id = table[r].id;
  out->kind = kinds[rules_kind(r)];
  out->label = rules_label(r) ? rules_label(r) : table[r].id;
  rules_link(r, out->link, sizeof out->link);
  return 1;
}

static rule_outcome report(engine *e, thread *t, rule_id r, rule_kind kind, const char *label, int inst, int op_id,
                           uint64_t detail1, uint64_t detail2);

rule_outcome rules_violation(engine *e, thread *t, rule_id r, const char *label, int inst, int op_id,
                             uint64_t detail1, uint64_t detail2) {
  return report(e, t, r, rules_kind(r), label, inst, op_id, detail1, detail2);
}

rule_outcome rules_unsettled(engine *e, thread *t, rule_id r, const char *label, int inst, int op_id,
                             uint64_t detail1, uint64_t detail2) {
  return report(e, t, r, RK_NOT_SETTLED, label, inst, op_id, detail1, detail2);
}

static rule_outcome report(engine *e, thread *t, rule_id r, rule_kind kind, const char *label, int inst, int op_id,
                           uint64_t detail1, uint64_t detail2) {
  rule_state *st = &e->rules[r];
  st->hits++;
  int lint = kind == RK_LINT || kind == RK_BEHAVIOUR; /* a note about documented behaviour never stops */
  /* Verifier on: [not settled] rules and Filter Verifier errors break in like Filter Verifier,
   * unless the scenario answered the prompt otherwise. Verifier off: a warning. */
  int stops = !lint && e->config.verifier;
  fp_verifier_answer answer = st->answer;
  int silent = 0;
  if (stops) {
    if (answer == FP_VERIFIER_IGNORE) stops = 0;
    else if (answer == FP_VERIFIER_ZAP) stops = 0;
    else if (answer == FP_VERIFIER_REMOVE) {
      stops = 0;
      silent = st->hits > 1;
    }
  }
  if (silent) return RULE_CONTINUE;
  trc_event *ev = eng_event(e, t, lint ? TRC_LINT : TRC_VIOLATION);
  if (ev) {
    ev->a = (uint32_t)r;
    ev->b = stops ? 1u : 0u;
    ev->instance = (int16_t)inst;
    ev->op = op_id;
    ev->x = detail1;
    ev->y = detail2;
    ev->str = trc_intern(&e->trace, label ? label : (rules_label(r) ? rules_label(r) : rules_id(r)));
  }
  if (!stops) return RULE_CONTINUE;
  trc_event *end = eng_event(e, t, TRC_RUN_END);
  if (end) {
    end->a = FP_END_VERIFIER;
    end->b = (uint32_t)r;
  }
  sim_stop(e, FP_END_VERIFIER);
  return RULE_STOP;
}

void rules_warning(engine *e, thread *t, const char *label, uint64_t detail1, uint64_t detail2) {
  trc_event *ev = eng_event(e, t, TRC_LINT);
  if (!ev) return;
  ev->a = (uint32_t)RULE_NONE;
  ev->x = detail1;
  ev->y = detail2;
  ev->str = trc_intern(&e->trace, label);
}

act_result rules_bugcheck(engine *e, thread *t, rule_id r, uint32_t code, uint64_t p1, uint64_t p2, uint64_t p3,
                          uint64_t p4) {
  trc_event *ev = eng_event(e, t, TRC_BUGCHECK);
  if (ev) {
    ev->a = code;
    ev->b = (uint32_t)r;
    uint64_t p[4] = { p1, p2, p3, p4 };
    trc_add_words(&e->trace, p, 4);
  }
  trc_event *end = eng_event(e, t, TRC_RUN_END);
  if (end) {
    end->a = FP_END_BUGCHECK;
    end->b = code;
  }
  return sim_stop(e, FP_END_BUGCHECK);
}

void rules_hang(engine *e, rule_id r, int inst, int op_id, const char *what) {
  trc_event *ev = eng_event(e, NULL, TRC_HANG);
  if (ev) {
    ev->a = (uint32_t)r;
    ev->instance = (int16_t)inst;
    ev->op = op_id;
    ev->str = trc_intern(&e->trace, what);
  }
  trc_event *end = eng_event(e, NULL, TRC_RUN_END);
  if (end) {
    end->a = FP_END_HANG;
    end->b = (uint32_t)r;
  }
  sim_stop(e, FP_END_HANG);
}

act_result rules_call_into_unloaded(engine *e, thread *t, uint64_t address, int drv) {
  (void)drv;
  /* DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS: P1 = the address referenced,
   * P2 = 0 read / 1 write (a call reads the code: 0), P3 = the faulting address, P4 = reserved. */
  return rules_bugcheck(e, t, RULE_NONE, 0xCE, address, 0, address, 0);
}
