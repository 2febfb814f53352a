/* vm.c: the interpreter loop, frames, suspension and exceptions (vm.h). */
#include "lang/vm.h"

#include <stddef.h>
#include <string.h>

#include "engine/bytes.h"
#include "engine/kapi_lang.h"
#include "kmem/kmem.h"

#define STATUS_INTEGER_DIVIDE_BY_ZERO_ 0xC0000094u
#define STATUS_INTEGER_OVERFLOW_ 0xC0000095u
#define UNSET (-2)
#define FILTER_FAILED (-100)
#define MAX_CHANGES 16

static inline uint64_t norm(uint8_t n, uint64_t v) {
  switch (n) {
  case N_S8: return (uint64_t)(int64_t)(int8_t)(uint8_t)v;
  case N_U8: return (uint8_t)v;
  case N_S16: return (uint64_t)(int64_t)(int16_t)(uint16_t)v;
  case N_U16: return (uint16_t)v;
  case N_S32: return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
  case N_U32: return (uint32_t)v;
  case N_BOOL: return v != 0;
  default: return v;
  }
}

static inline uint64_t sext(uint64_t v, unsigned size) {
  switch (size) {
  case 1: return (uint64_t)(int64_t)(int8_t)(uint8_t)v;
  case 2: return (uint64_t)(int64_t)(int16_t)(uint16_t)v;
  case 4: return (uint64_t)(int64_t)(int32_t)(uint32_t)v;
  default: return v;
  }
}

/* Zeroes `n` bytes (a constant, to be inlined) in blocks of at most 64: each compiles to a few
 * vector stores, where one larger memset becomes a string instruction or a library call. */
static inline void zero(void *p, size_t n) {
  for (size_t at = 0; at < n; at += 64) memset((char *)p + at, 0, n - at < 64 ? n - at : 64);
}

/* ---- State and frames ----------------------------------------------------------------------------- */

static int is_inline(const vm_state *s, const void *p) {
  return p == (const void *)s->inline_frames || p == (const void *)s->inline_regs;
}

static void *grow(fp_kctx *k, vm_state *s, void *old, size_t old_bytes, size_t new_bytes) {
  if (s->bytes - old_bytes + new_bytes > s->prog->max_vm_bytes) {
    kapi_lang_budget(k, "the driver's frames use more host memory than the playground's budget (max_vm_bytes)");
    return NULL;
  }
  void *p = fp_k_alloc(k, new_bytes);
  if (!p) return NULL;
  if (old_bytes) memcpy(p, old, old_bytes);
  if (new_bytes > old_bytes) memset((char *)p + old_bytes, 0, new_bytes - old_bytes);
  if (old && !is_inline(s, old)) fp_k_free(k, old);
  s->bytes = s->bytes - old_bytes + new_bytes;
  return p;
}

static void free_state(vm_state *s, fp_kctx *k) {
  if (s->frames != s->inline_frames) fp_k_free(k, s->frames);
  if (s->regs != s->inline_regs) fp_k_free(k, s->regs);
  if (s->shadow) fp_k_free(k, s->shadow);
  if (s->seen) fp_k_free(k, s->seen);
  fp_k_free(k, s);
}

/* free_state for the common state that grew nothing: one test, no call. */
static inline void free_state_fast(vm_state *s, fp_kctx *k) {
  if (s->frames == s->inline_frames && s->regs == s->inline_regs && !s->shadow && !s->seen) fp_k_free(k, s);
  else free_state(s, k);
}

/* Reports the statements run on credit and drops the rest of the credit (see OP_STMT): before
 * anything else of the kernel interface is called. */
static inline void settle(vm_state *s, fp_kctx *k) {
  uint32_t spent = s->credit - s->left;
  if (spent) fp_k_spend_statements(k, spent);
  s->credit = s->left = 0;
}

/* Pushes a frame for `fn` whose registers start at `base`; 0 when the run stopped (a budget,
 * memory, or the kernel stack overflowed). */
static int push_frame(vm_state *s, fp_kctx *k, const vm_func *fn, uint32_t base, uint32_t ret, uint32_t nargs) {
  if (s->nframes >= s->prog->max_call_depth) {
    kapi_lang_budget(k, "driver calls nested deeper than the playground's budget (max_call_depth)");
    return 0;
  }
  if (s->nframes == s->fcap) {
    uint32_t cap = s->fcap ? s->fcap * 2 : 8;
    vm_frame *f = grow(k, s, s->frames, s->fcap * sizeof *f, cap * sizeof *f);
    if (!f) return 0;
    s->frames = f;
    s->fcap = cap;
  }
  uint64_t need = (uint64_t)base + fn->nregs;
  if (need > s->rcap) {
    uint32_t cap = s->rcap ? s->rcap : 64;
    while (cap < need) cap *= 2;
    uint64_t *r = grow(k, s, s->regs, s->rcap * sizeof *r, cap * sizeof *r);
    if (!r) return 0;
    s->regs = r;
    s->rcap = cap;
  }
  uint32_t shadow = s->stop;
  if (s->prog->statement_events && fn->nlocals) {
    uint32_t want = s->stop + fn->nlocals;
    if (want > s->scap) {
      uint32_t cap = s->scap ? s->scap : 32;
      while (cap < want) cap *= 2;
      uint64_t *sh = grow(k, s, s->shadow, s->scap * sizeof *sh, cap * sizeof *sh);
      if (!sh) return 0;
      s->shadow = sh;
      uint8_t *seen = grow(k, s, s->seen, s->scap, cap);
      if (!seen) return 0;
      s->seen = seen;
      s->scap = cap;
    }
    memset(s->seen + shadow, 0, fn->nlocals);
    s->stop = want;
  }
  if (fn->nregs > nargs) memset(s->regs + base + nargs, 0, (fn->nregs - nargs) * sizeof *s->regs);
  uint64_t fbase = fp_k_stack_push(k, fn->frame_size);
  if (!fbase) return 0; /* 0x7F: the kernel stack overflowed */
  vm_frame *f = &s->frames[s->nframes++];
  f->fn = fn;
  f->pc = 0;
  f->base = base;
  f->ret = ret;
  f->nargs = nargs;
  f->fbase = fbase;
  f->fsize = fn->frame_size;
  f->shadow = shadow;
  f->prev_stmt = -1;
  f->nfin = 0;
  f->filter = 0;
  if (s->nframes > 1) kapi_lang_running(k, (int32_t)fn->index);
  return 1;
}

static void pop_frame(vm_state *s, fp_kctx *k) {
  vm_frame *f = &s->frames[--s->nframes];
  if (f->fsize) fp_k_stack_pop(k, f->fsize);
  if (s->prog->statement_events && !f->filter) s->stop = f->shadow;
  if (!f->filter && f->fn != s->frames[s->nframes ? s->nframes - 1 : 0].fn)
    kapi_lang_running(k, s->nframes > 1 ? (int32_t)s->frames[s->nframes - 1].fn->index : -1);
}

/* ---- Statement events ------------------------------------------------------------------------------- */

static uint64_t local_value(fp_kctx *k, const vm_frame *f, const uint64_t *r, const vm_local *l, int *ok) {
  uint64_t v = 0;
  *ok = 1;
  if (!l->in_memory) return r[l->reg];
  if (!l->size || fp_k_read(k, f->fbase + l->offset, l->size, &v) != FP_K_DONE) *ok = 0;
  return v;
}

/* A statement event: the locals the previous statement wrote, and those whose value changed
 * otherwise (through a pointer); parameters at the first statement. */
static void statement(vm_state *s, fp_kctx *k, vm_frame *f, uint32_t line, uint32_t pc) {
  fp_k_change ch[MAX_CHANGES];
  uint32_t n = 0;
  const vm_func *fn = f->fn;
  const uint64_t *r = s->regs + f->base;
  uint32_t wfirst = 0, wcount = 0;
  if (f->prev_stmt >= 0) {
    wfirst = fn->line_writes[f->prev_stmt].start;
    wcount = fn->line_writes[f->prev_stmt].count;
  }
  for (uint32_t i = 0; i < fn->nlocals && n < MAX_CHANGES; i++) {
    const vm_local *l = &fn->locals[i];
    if (pc < l->start) continue;
    int ok;
    uint64_t v = local_value(k, f, r, l, &ok);
    if (!ok) continue;
    uint32_t slot = f->shadow + i;
    int written = 0;
    for (uint32_t w = 0; w < wcount; w++)
      if (fn->writes[wfirst + w] == i) written = 1;
    int show = written || (s->seen[slot] ? s->shadow[slot] != v : i < fn->nparams);
    if (written || i < fn->nparams) s->seen[slot] = 1;
    s->shadow[slot] = v;
    if (show) {
      ch[n].name = l->name;
      ch[n].value = v;
      n++;
    }
  }
  f->prev_stmt = (int32_t)line;
  fp_k_statement(k, &fn->lines[line], ch, n);
}

/* ---- Exceptions --------------------------------------------------------------------------------------- */

/* The innermost __try whose body holds instruction `pc`, or -1. */
static int32_t innermost(const vm_func *fn, uint32_t pc) {
  int32_t best = -1;
  for (uint32_t i = 0; i < fn->ntries; i++) {
    const vm_try *t = &fn->tries[i];
    if (pc < t->start || pc >= t->end) continue;
    if (best < 0 || t->start > fn->tries[best].start ||
        (t->start == fn->tries[best].start && t->end < fn->tries[best].end))
      best = (int32_t)i;
  }
  return best;
}

/* Continues an unwinding: runs the next __finally on the way or arrives at the handler.
 * Returns 1 to go on running, 0 when the run cannot continue. */
static int unwind(vm_state *s, fp_kctx *k) {
  for (;;) {
    uint32_t fi = s->nframes - 1;
    vm_frame *f = &s->frames[fi];
    if (s->unwind_try == UNSET) {
      uint32_t pc = s->unwind_first ? s->fault_pc : (f->pc ? f->pc - 1 : 0);
      s->unwind_first = 0;
      s->unwind_try = innermost(f->fn, pc);
    }
    while (s->unwind_try >= 0) {
      int32_t ti = s->unwind_try;
      const vm_try *t = &f->fn->tries[ti];
      if (fi == s->target_frame && ti == s->target_try) {
        f->pc = t->target;
        f->nfin = t->fin_depth;
        s->unwinding = 0;
        return 1;
      }
      s->unwind_try = t->parent;
      if (t->finally) {
        if (f->nfin >= VM_FIN) return 0;
        f->fin[f->nfin] = VM_NONE;
        f->fin_abn[f->nfin] = 1;
        f->nfin++;
        f->pc = t->target;
        return 1;
      }
    }
    if (fi <= s->target_frame || fi == 0) return 0;
    pop_frame(s, k);
    s->unwind_try = UNSET;
  }
}

static fp_step_result run(vm_state *s, fp_kctx *k, fp_invocation *inv);

/* Runs the filter of try `t` of frame `fi`: its value, or FILTER_FAILED. */
static int32_t eval_filter(vm_state *s, fp_kctx *k, uint32_t fi, const vm_try *t) {
  uint32_t saved = s->nframes, cur = s->cur_pc;
  if (s->nframes == s->fcap) {
    uint32_t cap = s->fcap * 2;
    vm_frame *nf = grow(k, s, s->frames, s->fcap * sizeof *nf, cap * sizeof *nf);
    if (!nf) return FILTER_FAILED;
    s->frames = nf;
    s->fcap = cap;
  }
  vm_frame *f = &s->frames[s->nframes++];
  *f = s->frames[fi];
  f->pc = (uint32_t)t->filter_pc;
  f->fsize = 0;
  f->ret = VM_NONE;
  f->nfin = 0;
  f->filter = 1;
  s->in_filter++;
  fp_step_result r = run(s, k, NULL);
  s->in_filter--;
  s->cur_pc = cur;
  if (r == FP_STEP_RETURNED) return s->filter_result;
  while (s->nframes > saved) pop_frame(s, k);
  return FILTER_FAILED;
}

int vm_raise(const fp_callable *self, fp_invocation *inv, fp_kctx *k, uint32_t code) {
  (void)self;
  vm_state *s = inv->state;
  if (!s || s->in_filter || s->unwinding || !s->nframes) return 0;
  s->exception_code = code;
  for (int fi = (int)s->nframes - 1; fi >= 0; fi--) {
    uint32_t pc = fi == (int)s->nframes - 1 ? s->cur_pc : (s->frames[fi].pc ? s->frames[fi].pc - 1 : 0);
    const vm_func *fn = s->frames[fi].fn;
    for (int32_t ti = innermost(fn, pc); ti >= 0; ti = fn->tries[ti].parent) {
      const vm_try *t = &fn->tries[ti];
      if (t->finally) continue;
      int32_t v = t->filter_pc < 0 ? t->filter_value : eval_filter(s, k, (uint32_t)fi, t);
      if (v == FILTER_FAILED) return 0;
      if (v > 0) {
        s->unwinding = 1;
        s->unwind_first = 1;
        s->fault_pc = s->cur_pc;
        s->unwind_try = UNSET;
        s->target_frame = (uint32_t)fi;
        s->target_try = ti;
        return 1;
      }
      /* 0: EXCEPTION_CONTINUE_SEARCH; -1 (continue execution) is searched on as well */
    }
  }
  return 0;
}

/* ---- The loop ------------------------------------------------------------------------------------------ */

#define RELOAD()                           \
  do {                                     \
    f = &s->frames[s->nframes - 1];        \
    code = f->fn->code;                    \
    ip = code + f->pc;                     \
    r = s->regs + f->base;                 \
  } while (0)
#define SYNC() (f->pc = (uint32_t)(ip - code))
/* Before any call into the engine: where the instruction is, and the credit settled. */
/* run_loop keeps the credit not yet used in a register (`left`): SETTLE hands it back first. */
#define SETTLE() (s->left = left, left = 0, settle(s, k))
#define AT() (s->cur_pc = (uint32_t)(ip - 1 - code), SETTLE())
/* The operation of instruction `i` (without VM_STMT_FUSED). */
#define OPC(i) ((vm_op)((i)->op & ~VM_STMT_FUSED))
/* At a statement without credit: the statements run on credit reported, then a yield when the
 * engine asks for one (the step resumes at this instruction, which then goes on). */
#define STMT_YIELD()                                  \
  do {                                                \
    SETTLE();                                         \
    if (!s->skip_yield && fp_k_should_yield(k)) {     \
      f->pc = (uint32_t)(i - code);                   \
      s->skip_yield = 1;                              \
      return FP_STEP_YIELDED;                         \
    }                                                 \
    s->skip_yield = 0;                                \
  } while (0)
/* ... and, without statement events, new credit: nothing is recorded between statements, so
 * the engine's answer stays "go on" for as many statements as it allows. */
#define STMT_SLOW()                                   \
  do {                                                \
    STMT_YIELD();                                     \
    s->credit = left = fp_k_statement_credit(k);      \
  } while (0)
#define FAIL(kr) return (kr) == FP_K_EXCEPTION && s->unwinding ? FP_STEP_YIELDED : FP_STEP_STOPPED

static fp_kresult raise_in_driver(vm_state *s, fp_kctx *k, uint32_t code) {
  (void)s;
  return kapi_lang_raise(k, code);
}

static fp_kresult divide(vm_state *s, fp_kctx *k, const vm_ins *i, uint64_t *r) {
  uint64_t a = r[i->b], b = r[i->c], v = 0;
  if (b == 0) return raise_in_driver(s, k, STATUS_INTEGER_DIVIDE_BY_ZERO_);
  vm_op op = (vm_op)(i->op & ~VM_STMT_FUSED);
  switch (op) {
  case OP_DIVS32: case OP_MODS32: {
    int32_t x = (int32_t)(uint32_t)a, y = (int32_t)(uint32_t)b;
    if (x == INT32_MIN && y == -1) return raise_in_driver(s, k, STATUS_INTEGER_OVERFLOW_);
    v = (uint64_t)(int64_t)(op == OP_DIVS32 ? x / y : x % y);
    break;
  }
  case OP_DIVU32: v = (uint32_t)a / (uint32_t)b; break;
  case OP_MODU32: v = (uint32_t)a % (uint32_t)b; break;
  case OP_DIVS64: case OP_MODS64: {
    int64_t x = (int64_t)a, y = (int64_t)b;
    if (x == INT64_MIN && y == -1) return raise_in_driver(s, k, STATUS_INTEGER_OVERFLOW_);
    v = (uint64_t)(op == OP_DIVS64 ? x / y : x % y);
    break;
  }
  case OP_DIVU64: v = a / b; break;
  case OP_MODU64: v = a % b; break;
  default: break;
  }
  r[i->a] = v;
  return FP_K_DONE;
}

static int function_at(vm_state *s, fp_kctx *k, uint64_t address) {
  for (uint32_t i = 0; i < s->prog->nfuncs; i++)
    if (fp_k_function_address(k, i) == address) return (int)i;
  return -1;
}

/* Dispatch: with GCC or clang (not WebAssembly, which has no indirect jumps) each handler
 * jumps straight to the next one through a table of label addresses; elsewhere a switch. */
/* (FP_VM_SWITCH chooses the switch natively, to test it.) */
#if defined(__GNUC__) && !defined(__wasm__) && !defined(FP_VM_SWITCH)
#define VM_THREADED 1
#define CASE(name) op_##name:
#define NEXT() goto *table[(i = ip++)->op]
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Woverride-init"
#else
#define VM_THREADED 0
#define CASE(name) case OP_##name:
#define NEXT() continue
#endif

static fp_step_result run_loop(vm_state *s, fp_kctx *k, fp_invocation *inv) {
  const fp_program *prog = s->prog;
  km_space *const mem = kapi_lang_space(k);
  const uint32_t process = kapi_lang_process(k);
  int *const stored = kapi_lang_store_flag(k);
  const int events = prog->statement_events;
  vm_frame *f;
  const vm_ins *code, *ip;
  uint64_t *r;
  const vm_ins *i;
  uint32_t left = s->left; /* the credit not yet used (see OP_STMT) */
  uint64_t rv; /* the value a return hands back */
  RELOAD();
#if VM_THREADED
  static void *const table[256] = {
    [0 ... 255] = &&op_TRAP,
#define X(name, doc) [OP_##name] = &&op_##name, [OP_##name | VM_STMT_FUSED] = &&fused_##name,
    VM_OPS(X)
#undef X
  };
  NEXT();
#else
  for (;;) {
    i = ip++;
    if (i->op & VM_STMT_FUSED) {
      if (left) left--;
      else if (!s->in_filter) STMT_SLOW();
    }
    switch ((vm_op)(i->op & ~VM_STMT_FUSED)) {
#endif
    CASE(NOP) NEXT();
    CASE(MOV) r[i->a] = r[i->b]; NEXT();
    CASE(KI) r[i->a] = (uint64_t)(int64_t)i->k; NEXT();
    CASE(KL) r[i->a] = prog->consts[i->k]; NEXT();
    CASE(ADD32) r[i->a] = sext(r[i->b] + r[i->c], 4); NEXT();
    CASE(ADDU32) r[i->a] = (uint32_t)(r[i->b] + r[i->c]); NEXT();
    CASE(ADD64) r[i->a] = r[i->b] + r[i->c]; NEXT();
    CASE(SUB32) r[i->a] = sext(r[i->b] - r[i->c], 4); NEXT();
    CASE(SUBU32) r[i->a] = (uint32_t)(r[i->b] - r[i->c]); NEXT();
    CASE(SUB64) r[i->a] = r[i->b] - r[i->c]; NEXT();
    CASE(MUL32) r[i->a] = sext(r[i->b] * r[i->c], 4); NEXT();
    CASE(MULU32) r[i->a] = (uint32_t)(r[i->b] * r[i->c]); NEXT();
    CASE(MUL64) r[i->a] = r[i->b] * r[i->c]; NEXT();
    CASE(ADDI32) r[i->a] = sext(r[i->b] + (uint64_t)(int64_t)i->k, 4); NEXT();
    CASE(ADDIU32) r[i->a] = (uint32_t)(r[i->b] + (uint64_t)(int64_t)i->k); NEXT();
    CASE(ADDI64) r[i->a] = r[i->b] + (uint64_t)(int64_t)i->k; NEXT();
    CASE(MULI64) r[i->a] = r[i->b] * (uint64_t)(int64_t)i->k; NEXT();
    CASE(DIVS32) CASE(DIVU32) CASE(DIVS64) CASE(DIVU64)
    CASE(MODS32) CASE(MODU32) CASE(MODS64) CASE(MODU64) {
      AT();
      SYNC();
      fp_kresult kr = divide(s, k, i, r);
      if (kr != FP_K_DONE) FAIL(kr);
      NEXT();
    }
    CASE(AND) r[i->a] = r[i->b] & r[i->c]; NEXT();
    CASE(OR) r[i->a] = r[i->b] | r[i->c]; NEXT();
    CASE(XOR) r[i->a] = r[i->b] ^ r[i->c]; NEXT();
    CASE(ANDI) r[i->a] = r[i->b] & (uint64_t)(int64_t)i->k; NEXT();
    CASE(ORI) r[i->a] = r[i->b] | (uint64_t)(int64_t)i->k; NEXT();
    CASE(XORI) r[i->a] = r[i->b] ^ (uint64_t)(int64_t)i->k; NEXT();
    CASE(SHL32) r[i->a] = sext(r[i->b] << (r[i->c] & 31), 4); NEXT();
    CASE(SHLU32) r[i->a] = (uint32_t)(r[i->b] << (r[i->c] & 31)); NEXT();
    CASE(SHL64) r[i->a] = r[i->b] << (r[i->c] & 63); NEXT();
    CASE(SHRS32) r[i->a] = (uint64_t)((int64_t)r[i->b] >> (r[i->c] & 31)); NEXT();
    CASE(SHRU32) r[i->a] = (uint32_t)r[i->b] >> (r[i->c] & 31); NEXT();
    CASE(SHRS64) r[i->a] = (uint64_t)((int64_t)r[i->b] >> (r[i->c] & 63)); NEXT();
    CASE(SHRU64) r[i->a] = r[i->b] >> (r[i->c] & 63); NEXT();
    CASE(SHLI32) r[i->a] = sext(r[i->b] << (i->k & 31), 4); NEXT();
    CASE(SHLIU32) r[i->a] = (uint32_t)(r[i->b] << (i->k & 31)); NEXT();
    CASE(SHLI64) r[i->a] = r[i->b] << (i->k & 63); NEXT();
    CASE(SHRSI32) r[i->a] = (uint64_t)((int64_t)r[i->b] >> (i->k & 31)); NEXT();
    CASE(SHRUI32) r[i->a] = (uint32_t)r[i->b] >> (i->k & 31); NEXT();
    CASE(SHRSI64) r[i->a] = (uint64_t)((int64_t)r[i->b] >> (i->k & 63)); NEXT();
    CASE(SHRUI64) r[i->a] = r[i->b] >> (i->k & 63); NEXT();
    CASE(NEG32) r[i->a] = sext(0 - r[i->b], 4); NEXT();
    CASE(NEGU32) r[i->a] = (uint32_t)(0 - r[i->b]); NEXT();
    CASE(NEG64) r[i->a] = 0 - r[i->b]; NEXT();
    CASE(NOT32) r[i->a] = sext(~r[i->b], 4); NEXT();
    CASE(NOTU32) r[i->a] = (uint32_t)~r[i->b]; NEXT();
    CASE(NOT64) r[i->a] = ~r[i->b]; NEXT();
    CASE(LNOT) r[i->a] = r[i->b] == 0; NEXT();
    CASE(EQ) r[i->a] = r[i->b] == r[i->c]; NEXT();
    CASE(NE) r[i->a] = r[i->b] != r[i->c]; NEXT();
    CASE(LTS) r[i->a] = (int64_t)r[i->b] < (int64_t)r[i->c]; NEXT();
    CASE(LES) r[i->a] = (int64_t)r[i->b] <= (int64_t)r[i->c]; NEXT();
    CASE(LTU) r[i->a] = r[i->b] < r[i->c]; NEXT();
    CASE(LEU) r[i->a] = r[i->b] <= r[i->c]; NEXT();
    CASE(EQI) r[i->a] = r[i->b] == (uint64_t)(int64_t)i->k; NEXT();
    CASE(NEI) r[i->a] = r[i->b] != (uint64_t)(int64_t)i->k; NEXT();
    CASE(LTSI) r[i->a] = (int64_t)r[i->b] < (int64_t)i->k; NEXT();
    CASE(LESI) r[i->a] = (int64_t)r[i->b] <= (int64_t)i->k; NEXT();
    CASE(GTSI) r[i->a] = (int64_t)r[i->b] > (int64_t)i->k; NEXT();
    CASE(GESI) r[i->a] = (int64_t)r[i->b] >= (int64_t)i->k; NEXT();
    CASE(CONV) r[i->a] = norm(i->x, r[i->b]); NEXT();
    CASE(JMP) ip = code + i->j; NEXT();
    CASE(JZ) if (!r[i->a]) ip = code + i->j; NEXT();
    CASE(JNZ) if (r[i->a]) ip = code + i->j; NEXT();
    CASE(JEQ) if (r[i->a] == r[i->b]) ip = code + i->j; NEXT();
    CASE(JNE) if (r[i->a] != r[i->b]) ip = code + i->j; NEXT();
    CASE(JLTS) if ((int64_t)r[i->a] < (int64_t)r[i->b]) ip = code + i->j; NEXT();
    CASE(JLES) if ((int64_t)r[i->a] <= (int64_t)r[i->b]) ip = code + i->j; NEXT();
    CASE(JLTU) if (r[i->a] < r[i->b]) ip = code + i->j; NEXT();
    CASE(JLEU) if (r[i->a] <= r[i->b]) ip = code + i->j; NEXT();
    CASE(JEQI) if (r[i->a] == (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JNEI) if (r[i->a] != (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JLTSI) if ((int64_t)r[i->a] < (int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JLESI) if ((int64_t)r[i->a] <= (int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JGTSI) if ((int64_t)r[i->a] > (int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JGESI) if ((int64_t)r[i->a] >= (int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JLTUI) if (r[i->a] < (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JLEUI) if (r[i->a] <= (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JGTUI) if (r[i->a] > (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JGEUI) if (r[i->a] >= (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JTST) if (r[i->a] & (uint64_t)(int64_t)i->k) ip = code + i->j; NEXT();
    CASE(JNTST) if (!(r[i->a] & (uint64_t)(int64_t)i->k)) ip = code + i->j; NEXT();
    /* Loads and stores: km_peek answers the accesses that simply succeed; anything else
     * (a fault, a page-in, a guard page) goes through the engine with the instruction known. */
#define LOAD(base) LOAD_AS(base, i->x & 0x0F, i->x & VM_SIGNED)
#define LOAD_AS(base, size, is_signed)                                           \
  do {                                                                           \
    uint64_t address_ = (base) + (uint64_t)(int64_t)i->k, v_;                    \
    unsigned size_ = (size);                                                     \
    const uint8_t *p_ = km_peek(mem, address_, size_, process);                  \
    if (p_) {                                                                    \
      v_ = le_load(p_, size_);                                                   \
    } else {                                                                     \
      uint64_t read_ = 0; /* (not &v_: that would keep v_ in memory) */          \
      AT();                                                                      \
      fp_kresult kr_ = fp_k_read(k, address_, size_, &read_);                    \
      if (kr_ != FP_K_DONE) {                                                    \
        SYNC();                                                                  \
        FAIL(kr_);                                                               \
      }                                                                          \
      v_ = read_;                                                                \
    }                                                                            \
    r[i->a] = (is_signed) ? sext(v_, size_) : v_;                                \
  } while (0)
#define STORE(base, through_pointer) STORE_AS(base, through_pointer, i->x & 0x0F)
#define STORE_AS(base, through_pointer, size)                                    \
  do {                                                                           \
    uint64_t address_ = (base) + (uint64_t)(int64_t)i->k;                        \
    unsigned size_ = (size);                                                     \
    uint8_t *p_ = km_peek(mem, address_, size_, process);                        \
    if (p_) {                                                                    \
      if (through_pointer) *stored = 1;                                          \
      le_store(p_, size_, r[i->b]);                                              \
    } else {                                                                     \
      AT();                                                                      \
      fp_kresult kr_ = fp_k_write(k, address_, size_, r[i->b]);                  \
      if (kr_ != FP_K_DONE) {                                                    \
        SYNC();                                                                  \
        FAIL(kr_);                                                               \
      }                                                                          \
    }                                                                            \
  } while (0)
    CASE(LD) LOAD(r[i->b]); NEXT();
    CASE(LD1) LOAD_AS(r[i->b], 1, 0); NEXT();
    CASE(LD2) LOAD_AS(r[i->b], 2, 0); NEXT();
    CASE(LD4) LOAD_AS(r[i->b], 4, 0); NEXT();
    CASE(LD8) LOAD_AS(r[i->b], 8, 0); NEXT();
    CASE(LDS4) LOAD_AS(r[i->b], 4, 1); NEXT();
    /* The pointer load and the load through it after it (which stays there): each as apart,
     * the second (its faults included) as the instruction after. */
    CASE(LDPP1) LOAD_AS(r[i->b], 8, 0); i = ip++; LOAD_AS(r[i->b], 1, 0); NEXT();
    CASE(LDPP4) LOAD_AS(r[i->b], 8, 0); i = ip++; LOAD_AS(r[i->b], 4, 0); NEXT();
    CASE(LDPP8) LOAD_AS(r[i->b], 8, 0); i = ip++; LOAD_AS(r[i->b], 8, 0); NEXT();
    CASE(LDL) LOAD(f->fbase); NEXT();
    CASE(LDG) LOAD(s->gbase); NEXT();
    CASE(LDG4) LOAD_AS(s->gbase, 4, 0); NEXT();
    CASE(LDGS4) LOAD_AS(s->gbase, 4, 1); NEXT();
    CASE(LDG8) LOAD_AS(s->gbase, 8, 0); NEXT();
    CASE(ST) STORE(r[i->a], 1); NEXT();
    CASE(STL) STORE(f->fbase, 0); NEXT(); /* (the frame and the globals are blocks of */
    CASE(STG) STORE(s->gbase, 0); NEXT(); /*  their own: never the callback data) */
    CASE(STG4) STORE_AS(s->gbase, 0, 4); NEXT();
    CASE(GADD4) {
      /* LDG4 (or LDGS4), ADDIU32 (or ADDI32) and STG4 of the same 4 bytes: one look-up when
       * it simply succeeds, else the three one after the other (they stay in place). */
      uint8_t *g4 = km_peek(mem, s->gbase + (uint64_t)(int64_t)i->k, 4, process);
      if (!g4) {
        LOAD_AS(s->gbase, 4, i->x & VM_SIGNED); /* the first of the three */
        NEXT();
      }
      uint64_t old4 = le_load(g4, 4);
      r[i->a] = (i->x & VM_SIGNED) ? sext(old4, 4) : old4;
      uint64_t sum4 = r[i->a] + (uint64_t)(int64_t)i->j;
      r[i->b] = i->c ? sext(sum4, 4) : (uint32_t)sum4;
      le_store(g4, 4, r[i->b]);
      ip += 2;
      NEXT();
    }
#undef LOAD
#undef LOAD_AS
#undef STORE
#undef STORE_AS
    CASE(LADDR) r[i->a] = f->fbase + (uint64_t)(int64_t)i->k; NEXT();
    CASE(GADDR) r[i->a] = s->gbase + (uint64_t)(int64_t)i->k; NEXT();
    CASE(FADDR) r[i->a] = fp_k_function_address(k, (uint32_t)i->k); NEXT();
    CASE(COPY) CASE(ZERO) {
      AT();
      SYNC();
      fp_kresult kr = OPC(i) == OP_COPY ? vm_copy(k, r[i->a], r[i->b], (uint32_t)i->k)
                                        : vm_zero(k, r[i->a], (uint32_t)i->k, 0);
      if (kr != FP_K_DONE) FAIL(kr);
      NEXT();
    }
    CASE(VASPILL) {
      /* a function with '...': the arguments after the named ones go beside them in the frame
       * (va_arg reads them there); their registers become the function's zeroed locals */
      uint32_t n = f->nargs;
      uint64_t retbuf = 0;
      if (i->b && n > i->a) retbuf = r[--n]; /* a structure result's buffer came last */
      uint32_t last = n < i->a + VM_MAX_VARARGS ? n : i->a + VM_MAX_VARARGS;
      SETTLE();
      for (uint32_t a = i->a; a < last; a++) {
        fp_kresult kr = fp_k_write(k, f->fbase + (uint64_t)(int64_t)i->k + 8u * a, 8, r[a]);
        if (kr != FP_K_DONE) {
          AT();
          SYNC();
          FAIL(kr);
        }
        if (a < f->fn->nregs) r[a] = 0;
      }
      if (i->b) {
        if (n < f->nargs && n < f->fn->nregs) r[n] = 0;
        r[i->a] = retbuf; /* where the function expects it: right after the named arguments */
      }
      NEXT();
    }
    CASE(CALL) CASE(ICALL) {
      AT();
      SYNC();
      const vm_func *callee;
      if (OPC(i) == OP_CALL) {
        callee = &prog->funcs[i->k];
      } else {
        uint64_t address = r[i->j];
        int fn = function_at(s, k, address);
        if (fn < 0) {
          fp_kresult kr = kapi_lang_bad_call(k, address);
          FAIL(kr);
        }
        callee = &prog->funcs[fn];
      }
      if (callee->pageable) {
        fp_kresult kr = kapi_lang_execute(k, fp_k_function_address(k, callee->index));
        if (kr != FP_K_DONE) FAIL(kr);
      }
      if (!push_frame(s, k, callee, f->base + i->b, f->base + i->a, i->c)) return FP_STEP_STOPPED;
      RELOAD();
      NEXT();
    }
    CASE(RETK) rv = (uint64_t)(int64_t)i->k; goto do_return;
    CASE(RETV) rv = 0; goto do_return;
    CASE(RET) rv = r[i->a];
    do_return: {
      uint32_t ret = f->ret;
      if (s->nframes == 1) {
        /* pop_frame's work for the last frame, whose state goes away (no filter frame is first) */
        if (f->fsize) fp_k_stack_pop(k, f->fsize);
        s->nframes = 0;
        SETTLE();
        inv->result = rv;
        inv->state = NULL;
        free_state_fast(s, k);
        return FP_STEP_RETURNED;
      }
      pop_frame(s, k);
      if (ret != VM_NONE) s->regs[ret] = rv;
      RELOAD();
      NEXT();
    }
    CASE(KCALL) {
      AT(); /* (the call may change the IRQL, which decides what a statement costs) */
      SYNC();
      uint64_t v = 0;
      fp_kresult kr = fp_k_call_index(k, (uint32_t)i->k, &r[i->b], i->c, &v);
      if (kr == FP_K_DONE) {
        r[i->a] = norm(i->x, v);
        NEXT();
      }
      if (kr == FP_K_SUSPEND) {
        if (s->in_filter) return FP_STEP_STOPPED;
        s->pending = 1;
        s->pending_reg = f->base + i->a;
        s->pending_norm = i->x;
        return FP_STEP_SUSPENDED;
      }
      FAIL(kr);
    }
    CASE(INTR) {
      AT();
      SYNC();
      uint64_t v = 0;
      fp_kresult kr = vm_intrinsic(s, k, i->k, &r[i->b], i->c, &v);
      if (kr != FP_K_DONE) FAIL(kr);
      r[i->a] = norm(i->x, v);
      NEXT();
    }
    CASE(STMT)
      /* Without statement events nothing is recorded between statements, so the engine's
       * answer stays "go on" for as many statements as it gave credit for; every call into
       * the engine (AT) drops the credit first. A filter runs from inside such a call, so
       * without credit. */
      if (left) {
        left--;
        NEXT();
      }
    stmt_slow:
      if (s->in_filter) NEXT();
      if (events) {
        STMT_YIELD();
        statement(s, k, f, (uint32_t)i->k, (uint32_t)(i - code));
      } else {
        STMT_SLOW();
      }
      NEXT();
    CASE(STMT2)
      if (left >= 2) {
        left -= 2;
        ip++;
        NEXT();
      }
      if (left) {
        left--;
        NEXT();
      }
      goto stmt_slow;
    CASE(CALLFIN) CASE(CALLFINA)
      if (f->nfin >= VM_FIN) {
        AT();
        SYNC();
        kapi_lang_budget(k, "__finally blocks nested deeper than the VM supports");
        return FP_STEP_STOPPED;
      }
      f->fin[f->nfin] = (uint32_t)(ip - code);
      f->fin_abn[f->nfin] = OPC(i) == OP_CALLFINA;
      f->nfin++;
      ip = code + i->j;
      NEXT();
    CASE(RETFIN) {
      if (!f->nfin) NEXT();
      uint32_t back = f->fin[--f->nfin];
      if (back != VM_NONE) {
        ip = code + back;
        NEXT();
      }
      SYNC();
      SETTLE();
      if (!unwind(s, k)) return FP_STEP_STOPPED;
      RELOAD();
      NEXT();
    }
    CASE(FILTEND)
      s->filter_result = (int32_t)(uint32_t)r[i->a];
      s->nframes--; /* the filter frame (it reserved no stack) */
      s->left = left;
      return FP_STEP_RETURNED;
    CASE(EXCODE) r[i->a] = s->exception_code; NEXT();
    CASE(ABNORM) r[i->a] = f->nfin ? f->fin_abn[f->nfin - 1] : 0; NEXT();
    CASE(TRAP)
#if !VM_THREADED
    default:
#endif
      SYNC();
      s->left = left;
      kapi_lang_budget(k, "the driver's code reached an instruction the VM cannot run");
      return FP_STEP_STOPPED;
#if VM_THREADED
    /* An instruction where a statement starts: the statement's check, then the instruction. */
#define X(name, doc)     \
  fused_##name:          \
    if (left) {          \
      left--;            \
      goto op_##name;    \
    }                    \
    goto fused_slow;
    VM_OPS(X)
#undef X
  fused_slow:
    if (!s->in_filter) STMT_SLOW();
    goto *table[i->op & ~VM_STMT_FUSED];
#else
    }
  }
#endif
}
#if VM_THREADED
#pragma GCC diagnostic pop
#endif
#undef CASE
#undef NEXT

/* The loop, with the statements it ran on credit reported whenever it returns (the state is
 * gone when the invocation returned: OP_RET settled before freeing it). */
static fp_step_result run(vm_state *s, fp_kctx *k, fp_invocation *inv) {
  fp_step_result r = run_loop(s, k, inv);
  if (!inv || inv->state) settle(s, k);
  return r;
}

/* ---- The callable ------------------------------------------------------------------------------------------ */

/* The registers the first frame zeroes at once (a constant size: no call into the C library). */
#define FIRST_REGS 16u

/* push_frame for the first frame of an invocation when its registers fit in FIRST_REGS and no
 * statement events are recorded: nothing to grow, nothing to report. */
static int push_first(vm_state *s, fp_kctx *k, const vm_func *fn) {
  zero(s->regs, FIRST_REGS * sizeof *s->regs);
  uint64_t fbase = fp_k_stack_push(k, fn->frame_size);
  if (!fbase) return 0;
  vm_frame *f = &s->frames[0];
  s->nframes = 1;
  f->fn = fn;
  f->pc = 0;
  f->base = 0;
  f->ret = VM_NONE;
  f->nargs = 0;
  f->fbase = fbase;
  f->fsize = fn->frame_size;
  f->shadow = 0;
  f->prev_stmt = -1;
  f->nfin = 0;
  f->filter = 0;
  return 1;
}

/* A new invocation of `fn`: its state in inv->state, the first frame pushed and the engine's
 * arguments in its parameters; 0 when the run stopped. */
static int start(const vm_func *fn, fp_invocation *inv, fp_kctx *k) {
  const fp_program *prog = fn->prog;
  vm_state *s = fp_k_alloc(k, sizeof *s);
  if (!s) return 0;
  zero(s, offsetof(vm_state, inline_frames));
  s->prog = prog;
  s->bytes = sizeof *s;
  s->frames = s->inline_frames;
  s->fcap = VM_INLINE_FRAMES;
  s->regs = s->inline_regs;
  s->rcap = VM_INLINE_REGS;
  s->gbase = fp_k_globals(k);
  inv->state = s;
  if (fn->nregs <= FIRST_REGS && !prog->statement_events && prog->max_call_depth) {
    if (!push_first(s, k, fn)) return 0;
  } else if (!push_frame(s, k, fn, 0, VM_NONE, 0)) {
    return 0;
  }
  uint32_t n = fn->nparams < inv->argc ? fn->nparams : inv->argc;
  if (n > 8) n = 8;
  for (uint32_t i = 0; i < n; i++) {
    uint8_t how = fn->param_norm[i];
    s->regs[i] = how == N_NONE ? inv->args[i] : norm(how, inv->args[i]);
  }
  for (uint32_t i = n; i < fn->nparams; i++) s->regs[i] = 0;
  /* Without statement events the invocation starts with credit (see OP_STMT): its first
   * statement then needs no question to the engine, which would answer the same. */
  if (!prog->statement_events) s->credit = s->left = fp_k_statement_credit(k);
  return 1;
}

fp_step_result vm_step(const fp_callable *self, fp_invocation *inv, fp_kctx *k) {
  vm_state *s = inv->state;
  if (!s) {
    if (!start(self->user, inv, k)) return FP_STEP_STOPPED;
    s = inv->state;
  } else if (inv->resumed && s->pending) {
    s->regs[s->pending_reg] = norm(s->pending_norm, inv->resume_value);
    s->pending = 0;
  }
  if (s->unwinding && !unwind(s, k)) return FP_STEP_STOPPED;
  return run(s, k, inv);
}

void vm_abandon(const fp_callable *self, fp_invocation *inv, fp_kctx *k) {
  (void)self;
  vm_state *s = inv->state;
  if (!s) return;
  while (s->nframes) pop_frame(s, k);
  free_state(s, k);
  inv->state = NULL;
}
