/* gen.c: statements and functions to bytecode, and the program: functions, globals image,
 * constants (gen.h). */
#include "lang/gen.h"

#include <stdio.h>
#include <string.h>

/* ---- Emission ---------------------------------------------------------------------------------------- */

int gn_fits32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

#define GROW(g, arr, n, cap)                                                             \
  do {                                                                                   \
    if ((n) == (cap)) {                                                                  \
      uint32_t nc_ = (cap) ? (cap) * 2 : 64;                                             \
      (arr) = ar_grow(&(g)->c->ar, (arr), (n), nc_, sizeof *(arr));                      \
      (cap) = nc_;                                                                       \
    }                                                                                    \
  } while (0)

vm_ins *gn_emit(gn *g, vm_op op, uint32_t a, uint32_t b, uint32_t c, int64_t k) {
  if (g->ncode >= GN_MAX_CODE) {
    cx_error(g->c, g->fn ? g->fn->span : (fp_span){ 0 }, "lang.budget.function", "name", g->fn ? g->fn->name : "",
             (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  GROW(g, g->code, g->ncode, g->ccap);
  vm_ins *i = &g->code[g->ncode++];
  memset(i, 0, sizeof *i);
  i->op = (uint8_t)op;
  if (g->stmt_pending && op != OP_STMT) {
    g->stmt_pending = 0;
    i->op = (uint8_t)(op | VM_STMT_FUSED);
  }
  i->a = (uint16_t)a;
  i->b = (uint16_t)b;
  i->c = (uint16_t)c;
  i->k = (int32_t)k;
  return i;
}

uint32_t gn_label(gn *g) {
  GROW(g, g->labels, g->nlabels, g->labcap);
  g->labels[g->nlabels] = -1;
  return g->nlabels++;
}

uint32_t gn_pc(gn *g) {
  if (g->stmt_pending) {
    g->stmt_pending = 0;
    gn_emit(g, OP_STMT, 0, 0, 0, g->pending_line);
  }
  return g->ncode;
}

void gn_place(gn *g, uint32_t label) { g->labels[label] = (int32_t)gn_pc(g); }

void gn_jump(gn *g, vm_op op, uint32_t a, uint32_t b, int32_t k, uint32_t label) {
  gn_emit(g, op, a, b, 0, k);
  GROW(g, g->fixes, g->nfixes, g->fixcap);
  g->fixes[g->nfixes].ins = g->ncode - 1;
  g->fixes[g->nfixes].label = label;
  g->nfixes++;
}

uint32_t gn_tmp(gn *g) {
  uint32_t r = g->top++;
  if (g->top > g->max) g->max = g->top;
  if (g->top >= GN_MAX_REGS) {
    cx_error(g->c, g->fn->span, "lang.budget.function", "name", g->fn->name, (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  return r;
}

uint32_t gn_const(gn *g, int64_t v) {
  for (uint32_t i = 0; i < g->nconsts; i++)
    if (g->consts[i] == (uint64_t)v) return i;
  GROW(g, g->consts, g->nconsts, g->kcap);
  g->consts[g->nconsts] = (uint64_t)v;
  return g->nconsts++;
}

uint32_t gn_frame_temp(gn *g, uint32_t size, uint32_t align) {
  uint32_t a = align < 8 ? 8 : align;
  uint64_t at = ((uint64_t)g->frame + a - 1) / a * a;
  if (at + size > GN_MAX_FRAME) {
    cx_error(g->c, g->fn->span, "lang.budget.function", "name", g->fn->name, (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  g->frame = (uint32_t)(at + (size ? size : 1));
  return (uint32_t)at;
}

/* Adds the locals `n` may write (assignments, increments, addresses taken) to the write set
 * of the last statement marked. */
static void add_writes(gn *g, nd_node *n, int depth) {
  if (!n || depth > 64 || !g->nlines) return;
  nd_node *target = NULL;
  switch (n->kind) {
  case ND_ASSIGN: case ND_OPASSIGN: case ND_PREINC: case ND_PREDEC: case ND_POSTINC: case ND_POSTDEC: case ND_ADDR:
    target = n->lhs;
    while (target && target->kind == ND_MEMBER) target = target->lhs;
    break;
  default:
    break;
  }
  if (target && target->kind == ND_VAR && target->var->is_local && target->var->slot >= 0) {
    uint16_t slot = (uint16_t)target->var->slot;
    vm_stmt_writes *w = &g->line_writes[g->nlines - 1];
    int known = 0;
    for (uint32_t i = w->start; i < g->nwrites; i++)
      if (g->writes[i] == slot) known = 1;
    if (!known) {
      GROW(g, g->writes, g->nwrites, g->wcap);
      g->writes[g->nwrites++] = slot;
      w->count++;
    }
  }
  add_writes(g, n->lhs, depth + 1);
  add_writes(g, n->rhs, depth + 1);
  add_writes(g, n->cond, depth + 1);
  add_writes(g, n->then, depth + 1);
  add_writes(g, n->els, depth + 1);
  for (nd_node *a = n->args; a; a = a->next) add_writes(g, a, depth + 1);
}

static void mark(gn *g, fp_span span) {
  if (g->nlines == g->lcap) {
    uint32_t nc = g->lcap ? g->lcap * 2 : 64;
    g->lines = ar_grow(&g->c->ar, g->lines, g->nlines, nc, sizeof *g->lines);
    g->line_writes = ar_grow(&g->c->ar, g->line_writes, g->nlines, nc, sizeof *g->line_writes);
    g->lcap = nc;
  }
  fp_k_span *s = &g->lines[g->nlines];
  s->line = span.line;
  s->col = span.col;
  s->end_line = span.end_line;
  s->end_col = span.end_col;
  g->line_writes[g->nlines].start = g->nwrites;
  g->line_writes[g->nlines].count = 0;
  g->nlines++;
  if (!g->fuse_statements) {
    gn_emit(g, OP_STMT, 0, 0, 0, g->nlines - 1);
    return;
  }
  gn_pc(g); /* two statements in a row (the first compiled to nothing): the first stays apart */
  g->stmt_pending = 1;
  g->pending_line = g->nlines - 1;
}

/* ---- Statements ------------------------------------------------------------------------------------------ */

static void stmt(gn *g, nd_node *n);

static void run_finallys(gn *g, int keep) {
  for (int i = g->ntrys - 1; i >= keep; i--)
    if (g->trys[i].node->kind == ND_TRY_FINALLY) gn_jump(g, OP_CALLFINA, 0, 0, 0, g->trys[i].fin);
}

static uint32_t label_of(gn *g, nd_node *n) {
  if (!n->label_id) n->label_id = gn_label(g);
  return n->label_id;
}

static void push_exit(gn *g, uint32_t brk, uint32_t cont) {
  if (g->nexits >= 64) {
    cx_error(g->c, g->fn->span, "lang.budget.nesting", (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  g->exits[g->nexits].brk = brk;
  g->exits[g->nexits].cont = cont;
  g->exits[g->nexits].ntrys = g->ntrys;
  g->nexits++;
}

static void try_stmt(gn *g, nd_node *n) {
  if (g->ntrys >= 64) {
    cx_error(g->c, n->span, "lang.budget.nesting", (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  GROW(g, g->tries, g->ntries, g->tcap);
  int32_t index = (int32_t)g->ntries++;
  vm_try *t = &g->tries[index];
  memset(t, 0, sizeof *t);
  t->finally = n->kind == ND_TRY_FINALLY;
  t->fin_depth = (uint8_t)g->fin_depth;
  t->parent = g->ntrys ? g->trys[g->ntrys - 1].index : -1;
  t->filter_pc = -1;
  gn_try *gt = &g->trys[g->ntrys++];
  gt->node = n;
  gt->index = index;
  gt->leave = gn_label(g);
  gt->fin = gn_label(g);
  uint32_t fin = gt->fin, leave = gt->leave, after = gn_label(g);
  g->tries[index].start = gn_pc(g);
  stmt(g, n->then);
  g->ntrys--;
  g->tries[index].end = gn_pc(g);
  gn_place(g, leave);
  g->top = g->nregs_locals;
  if (n->kind == ND_TRY_FINALLY) {
    gn_jump(g, OP_CALLFIN, 0, 0, 0, fin);
    gn_jump(g, OP_JMP, 0, 0, 0, after);
    gn_place(g, fin);
    g->tries[index].target = gn_pc(g);
    g->fin_depth++;
    stmt(g, n->els);
    g->fin_depth--;
    gn_emit(g, OP_RETFIN, 0, 0, 0, 0);
  } else {
    gn_jump(g, OP_JMP, 0, 0, 0, after);
    int64_t v;
    if (n->cond && n->cond->type->kind != TY_ERROR && ck_fold(NULL, n->cond, &v)) {
      g->tries[index].filter_value = (int32_t)v;
    } else if (n->cond) {
      g->tries[index].filter_pc = (int32_t)gn_pc(g);
      mark(g, n->cond->span);
      uint32_t r = gn_expr(g, n->cond, -1);
      gn_emit(g, OP_FILTEND, r, 0, 0, 0);
      g->top = g->nregs_locals;
    }
    g->tries[index].target = gn_pc(g);
    stmt(g, n->els);
  }
  gn_place(g, after);
}

static void stmt(gn *g, nd_node *n) {
  if (!n) return;
  g->top = g->nregs_locals;
  switch (n->kind) {
  case ND_BLOCK:
    for (nd_node *s = n->body; s; s = s->next) stmt(g, s);
    break;
  case ND_NOP:
    break;
  case ND_EXPR:
    mark(g, n->span);
    add_writes(g, n->lhs, 0);
    gn_discard(g, n->lhs);
    break;
  case ND_DECL:
    if (n->var->slot >= 0) g->locals[n->var->slot].start = gn_pc(g);
    if (n->body) {
      mark(g, n->span);
      for (nd_node *s = n->body; s; s = s->next) add_writes(g, s->kind == ND_EXPR ? s->lhs : s, 0);
      for (nd_node *s = n->body; s; s = s->next) gn_discard(g, s->kind == ND_EXPR ? s->lhs : s);
    }
    break;
  case ND_IF: {
    uint32_t els = gn_label(g), end = gn_label(g);
    mark(g, n->span);
    add_writes(g, n->cond, 0);
    gn_branch(g, n->cond, 0, els);
    stmt(g, n->then);
    if (n->els) gn_jump(g, OP_JMP, 0, 0, 0, end);
    gn_place(g, els);
    if (n->els) stmt(g, n->els);
    gn_place(g, end);
    break;
  }
  case ND_FOR: {
    if (n->init) stmt(g, n->init);
    uint32_t cond = gn_label(g), cont = gn_label(g), end = gn_label(g);
    gn_place(g, cond);
    g->top = g->nregs_locals;
    mark(g, n->span);
    add_writes(g, n->cond, 0);
    add_writes(g, n->inc, 0);
    if (n->cond) gn_branch(g, n->cond, 0, end);
    push_exit(g, end, cont);
    stmt(g, n->then);
    g->nexits--;
    gn_place(g, cont);
    g->top = g->nregs_locals;
    if (n->inc) gn_discard(g, n->inc);
    gn_jump(g, OP_JMP, 0, 0, 0, cond);
    gn_place(g, end);
    break;
  }
  case ND_DO: {
    uint32_t body = gn_label(g), cont = gn_label(g), end = gn_label(g);
    gn_place(g, body);
    push_exit(g, end, cont);
    stmt(g, n->then);
    g->nexits--;
    gn_place(g, cont);
    g->top = g->nregs_locals;
    mark(g, n->span);
    add_writes(g, n->cond, 0);
    gn_branch(g, n->cond, 1, body);
    gn_place(g, end);
    break;
  }
  case ND_SWITCH: {
    uint32_t end = gn_label(g);
    mark(g, n->span);
    add_writes(g, n->cond, 0);
    uint32_t v = gn_expr(g, n->cond, -1);
    nd_node *def = NULL;
    for (nd_node *c = n->cases; c; c = c->case_next) {
      if (c->is_default) {
        def = c;
        continue;
      }
      if (gn_fits32(c->val)) {
        gn_jump(g, OP_JEQI, v, 0, (int32_t)c->val, label_of(g, c));
      } else {
        uint32_t k = gn_int(g, c->val, -1);
        gn_jump(g, OP_JEQ, v, k, 0, label_of(g, c));
      }
    }
    gn_jump(g, OP_JMP, 0, 0, 0, def ? label_of(g, def) : end);
    /* continue inside a switch goes to the enclosing loop */
    uint32_t cont = 0;
    for (int i = g->nexits - 1; i >= 0; i--)
      if (g->exits[i].cont) {
        cont = g->exits[i].cont;
        break;
      }
    push_exit(g, end, cont);
    g->exits[g->nexits - 1].ntrys = g->ntrys;
    stmt(g, n->then);
    g->nexits--;
    gn_place(g, end);
    break;
  }
  case ND_CASE:
    gn_place(g, label_of(g, n));
    stmt(g, n->then);
    break;
  case ND_BREAK:
  case ND_CONTINUE: {
    mark(g, n->span);
    int i = g->nexits - 1;
    if (n->kind == ND_CONTINUE)
      while (i >= 0 && !g->exits[i].cont) i--;
    if (i < 0) break;
    /* the loop's try depth: trys opened after it must run their __finally */
    int keep = g->exits[i].ntrys;
    if (n->kind == ND_CONTINUE) {
      /* the loop that owns this continue label began at the depth recorded when it was pushed */
      for (int j = i; j >= 0; j--)
        if (g->exits[j].cont == g->exits[i].cont) keep = g->exits[j].ntrys;
    }
    run_finallys(g, keep);
    gn_jump(g, OP_JMP, 0, 0, 0, n->kind == ND_BREAK ? g->exits[i].brk : g->exits[i].cont);
    break;
  }
  case ND_RETURN: {
    mark(g, n->span);
    add_writes(g, n->lhs, 0);
    uint32_t ret = g->nregs_locals - 1; /* the function's return register */
    if (n->lhs && g->retbuf >= 0 && ty_is_record(n->lhs->type)) {
      /* a structure: copied into the caller's buffer, whose address is returned */
      uint32_t r = gn_expr(g, n->lhs, -1);
      gn_emit(g, OP_COPY, (uint32_t)g->retbuf, r, 0, n->lhs->type->size);
      gn_emit(g, OP_MOV, ret, (uint32_t)g->retbuf, 0, 0);
    } else if (n->lhs) {
      uint32_t r = gn_expr(g, n->lhs, (int)ret);
      if (r != ret) gn_emit(g, OP_MOV, ret, r, 0, 0);
    }
    run_finallys(g, 0);
    if (n->lhs) gn_emit(g, OP_RET, ret, 0, 0, 0);
    else gn_emit(g, OP_RETV, 0, 0, 0, 0);
    break;
  }
  case ND_GOTO: {
    mark(g, n->span);
    if (!n->target) break;
    /* __finally of every __try the goto leaves (those not around the label) */
    for (int i = g->ntrys - 1; i >= 0; i--) {
      int around_label = 0;
      for (ps_try *t = n->target->trychain; t; t = t->up)
        if (t->node == g->trys[i].node) around_label = 1;
      if (around_label) break;
      if (g->trys[i].node->kind == ND_TRY_FINALLY) gn_jump(g, OP_CALLFINA, 0, 0, 0, g->trys[i].fin);
    }
    gn_jump(g, OP_JMP, 0, 0, 0, label_of(g, n->target));
    break;
  }
  case ND_LABEL:
    gn_place(g, label_of(g, n));
    stmt(g, n->then);
    break;
  case ND_TRY_EXCEPT:
  case ND_TRY_FINALLY:
    try_stmt(g, n);
    break;
  case ND_LEAVE:
    mark(g, n->span);
    if (g->ntrys) gn_jump(g, OP_JMP, 0, 0, 0, g->trys[g->ntrys - 1].leave);
    break;
  default:
    cx_error(g->c, n->span, "lang.internal.codegen", "what", "a statement", (const char *)NULL);
    break;
  }
}

/* ---- Functions -------------------------------------------------------------------------------------------- */

static int can_fall_through(nd_node *n) {
  if (!n) return 1;
  switch (n->kind) {
  case ND_RETURN: case ND_GOTO: return 0;
  case ND_BLOCK: {
    nd_node *last = NULL;
    for (nd_node *s = n->body; s; s = s->next) last = s;
    return can_fall_through(last);
  }
  case ND_IF: return !n->els || can_fall_through(n->then) || can_fall_through(n->els);
  case ND_FOR: {
    int64_t v;
    if (n->cond && !(ck_fold(NULL, n->cond, &v) && v)) return 1;
    return 0; /* an endless loop (a break in it is not looked for) */
  }
  case ND_LABEL: return can_fall_through(n->then);
  case ND_TRY_FINALLY: return can_fall_through(n->then);
  case ND_TRY_EXCEPT: return can_fall_through(n->then) || can_fall_through(n->els);
  default: return 1;
  }
}

static void *copy_out(fp_program *prog, const void *src, size_t n) {
  if (!n) return NULL;
  void *p = ar_alloc(&prog->ar, n);
  memcpy(p, src, n);
  return p;
}

/* Folds the loads and stores after instruction `i` into it where a superinstruction does
 * the same (LDPP*, GADD4): the instructions it covers stay in place, for jumps there. Only
 * instructions that start no statement are covered (their statement check stays). */
static void fuse_memory(gn *g, uint32_t i) {
  vm_ins *in = &g->code[i], *next = i + 1 < g->ncode ? &g->code[i + 1] : NULL;
  if (!next || (next->op & VM_STMT_FUSED)) return;
  vm_op op = (vm_op)(in->op & ~VM_STMT_FUSED), op2 = (vm_op)next->op;
  if (op == OP_LD8 && next->b == in->a) {
    vm_op fused = op2 == OP_LD1 ? OP_LDPP1 : op2 == OP_LD4 ? OP_LDPP4 : op2 == OP_LD8 ? OP_LDPP8 : OP_NOP;
    if (fused != OP_NOP) in->op = (uint8_t)((in->op & VM_STMT_FUSED) | fused);
    return;
  }
  if ((op == OP_LDG4 || op == OP_LDGS4) && (op2 == OP_ADDIU32 || op2 == OP_ADDI32) && next->b == in->a &&
      i + 2 < g->ncode && g->code[i + 2].op == OP_STG4 && g->code[i + 2].b == next->a && g->code[i + 2].k == in->k) {
    in->op = (uint8_t)((in->op & VM_STMT_FUSED) | OP_GADD4);
    in->b = next->a;
    in->c = op2 == OP_ADDI32;
    in->j = next->k;
  }
}

static void function(gn *g, sym *fn, vm_func *out) {
  g->fn = fn;
  g->ncode = g->nlines = g->ntries = g->nlocals = g->nlabels = g->nfixes = g->nwrites = 0;
  g->nexits = g->ntrys = g->fin_depth = g->stmt_pending = 0;
  gn_label(g); /* label 0 means "none" */
  g->frame = 0x28; /* the x64 frame: home space for four registers and the return address */
  uint32_t reg = 0;
  uint32_t nparams = 0;
  for (sym *p = fn->params; p; p = p->next_param) nparams++;
  /* parameters arrive in registers 0..n-1 */
  for (sym *p = fn->params; p; p = p->next_param) {
    p->reg = (int)reg++;
    p->slot = -1;
  }
  /* a structure is returned through a buffer of the caller's, its address after the arguments */
  g->retbuf = ty_is_record(fn->type->base) ? (int32_t)reg++ : -1;
  /* a function with '...': every argument has an 8-byte home slot, the named ones first, the
   * others right after them (x64's home area, where va_start and va_arg look) */
  uint32_t home = 0;
  int variadic = fn->type->variadic;
  if (variadic) {
    home = gn_frame_temp(g, 8u * (nparams + VM_MAX_VARARGS), 8);
    uint32_t i = 0;
    for (sym *p = fn->params; p; p = p->next_param, i++) p->offset = home + 8u * i;
  }
  for (sym *v = fn->locals; v; v = v->next_local) {
    v->slot = -1;
    /* a structure argument arrives as the address of the caller's copy (as on x64) */
    v->by_address = v->is_param && ty_is_record(v->type);
    v->in_memory = !v->by_address && (v->addr_taken || ty_is_aggregate(v->type) || (variadic && v->is_param));
    if (v->by_address) {
      /* nothing to place */
    } else if (variadic && v->is_param) {
      /* its home slot (set above) */
    } else if (v->in_memory) {
      v->offset = gn_frame_temp(g, v->type->size, v->type->align);
    } else if (!v->is_param) {
      v->reg = (int)reg++;
    }
    if (v->name && v->name[0] != '(') {
      GROW(g, g->locals, g->nlocals, g->locap);
      vm_local *l = &g->locals[g->nlocals];
      memset(l, 0, sizeof *l);
      l->name = v->name;
      l->start = v->is_param ? 0 : UINT32_MAX;
      l->end = UINT32_MAX;
      l->in_memory = v->in_memory || v->by_address; /* by address: not shown (size 0) */
      l->reg = (uint16_t)(l->in_memory ? 0 : v->reg);
      l->offset = v->offset;
      l->size = (uint8_t)(v->in_memory && ty_is_scalar(v->type) ? v->type->size : 0);
      v->slot = (int32_t)g->nlocals++;
    }
  }
  g->nregs_locals = reg + 1; /* + the return register */
  g->top = g->max = g->nregs_locals;
  if (g->nregs_locals >= GN_MAX_REGS) {
    cx_error(g->c, fn->span, "lang.budget.function", "name", fn->name, (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  /* parameters that live in memory are stored at entry */
  for (sym *p = fn->params; p; p = p->next_param)
    if (p->by_address && variadic) {
      gn_emit(g, OP_STL, 0, (uint32_t)p->reg, 0, p->offset)->x = 8; /* the copy's address, as on x64 */
    } else if (p->in_memory && !p->by_address) {
      uint32_t s = variadic || p->type->kind == TY_PTR ? 8 : p->type->size; /* a home slot takes the register */
      gn_emit(g, OP_STL, 0, (uint32_t)p->reg, 0, p->offset)->x = (uint8_t)s;
    }
  if (variadic) gn_emit(g, OP_VASPILL, nparams, g->retbuf >= 0 ? 1 : 0, 0, home);
  stmt(g, fn->body);
  g->top = g->nregs_locals;
  if (fn->type->base->kind == TY_VOID) {
    gn_emit(g, OP_RETV, 0, 0, 0, 0);
  } else {
    if (can_fall_through(fn->body)) {
      fp_span end = fn->body->span;
      end.line = end.end_line;
      end.col = end.end_col > 1 ? end.end_col - 1 : 1;
      cx_warning(g->c, end, "lang.sem.no_return", "name", fn->name, (const char *)NULL);
    }
    uint32_t t = gn_tmp(g);
    gn_emit(g, OP_KI, t, 0, 0, 0);
    gn_emit(g, OP_RET, t, 0, 0, 0);
  }
  for (uint32_t i = 0; i < g->nfixes; i++) {
    int32_t pc = g->labels[g->fixes[i].label];
    g->code[g->fixes[i].ins].j = pc < 0 ? (int32_t)g->ncode - 1 : pc;
  }
  for (uint32_t i = 0; i + 1 < g->ncode; i++) {
    vm_ins *in = &g->code[i];
    if ((in->op & ~VM_STMT_FUSED) == OP_KI && g->code[i + 1].op == OP_RET && g->code[i + 1].a == in->a)
      in->op = (uint8_t)((in->op & VM_STMT_FUSED) | OP_RETK);
    else if (g->fuse_statements && in->op == OP_STMT && g->code[i + 1].op == OP_STMT)
      in->op = OP_STMT2;
    else
      fuse_memory(g, i);
  }
  for (uint32_t i = 0; i < g->nlocals; i++)
    if (g->locals[i].start == UINT32_MAX) g->locals[i].start = 0;
  fp_program *prog = g->prog;
  memset(out, 0, sizeof *out);
  out->name = ar_strndup(&prog->ar, fn->name, strlen(fn->name));
  out->code = copy_out(prog, g->code, g->ncode * sizeof *g->code);
  out->ncode = g->ncode;
  out->lines = copy_out(prog, g->lines, g->nlines * sizeof *g->lines);
  out->line_writes = copy_out(prog, g->line_writes, g->nlines * sizeof *g->line_writes);
  out->writes = copy_out(prog, g->writes, g->nwrites * sizeof *g->writes);
  out->nlines = g->nlines;
  out->tries = copy_out(prog, g->tries, g->ntries * sizeof *g->tries);
  out->ntries = g->ntries;
  for (uint32_t i = 0; i < g->nlocals; i++)
    g->locals[i].name = ar_strndup(&prog->ar, g->locals[i].name, strlen(g->locals[i].name));
  out->locals = copy_out(prog, g->locals, g->nlocals * sizeof *g->locals);
  out->nlocals = g->nlocals;
  out->nparams = nparams;
  out->param_norm = ar_alloc(&prog->ar, nparams ? nparams : 1);
  uint32_t i = 0;
  for (sym *p = fn->params; p; p = p->next_param) out->param_norm[i++] = (uint8_t)gn_norm_of(p->type);
  out->nregs = g->max + 1;
  out->frame_size = (g->frame + 15) & ~15u;
  out->pageable = fn->pageable;
  out->returns_void = fn->type->base->kind == TY_VOID;
  out->prog = prog;
  out->index = (uint32_t)fn->index;
}

/* ---- The program ------------------------------------------------------------------------------------------- */

void gn_program(cx *c, ps_unit *u, fp_program *prog);

void gn_program(cx *c, ps_unit *u, fp_program *prog) {
  gn *g = ar_alloc(&c->ar, sizeof *g);
  g->c = c;
  g->u = u;
  g->prog = prog;
  g->fuse_statements = c->opt.no_statement_events;
  prog->nfuncs = (uint32_t)u->function_count;
  prog->funcs = ar_alloc(&prog->ar, (prog->nfuncs ? prog->nfuncs : 1) * sizeof *prog->funcs);
  sym *entry = NULL;
  for (sym *s = u->globals; s; s = s->next_global) {
    if (s->kind != SYM_FUNC || !s->body) continue;
    cx_resync(c);
    function(g, s, &prog->funcs[s->index]);
    if (strcmp(s->name, "DriverEntry") == 0) entry = s;
  }
  cx_resync(c);
  if (!entry) {
    fp_span at = { c->file, 1, 1, 1, 1 };
    cx_error(c, at, "lang.sem.no_driver_entry", (const char *)NULL);
  } else {
    prog->entry = (uint32_t)entry->index;
    ty_type *t = entry->type;
    if (t->nparams != 2 || !ty_is_integer(t->base) || t->base->size != 4)
      cx_warning(c, entry->span, "lang.sem.driver_entry_type", (const char *)NULL);
  }
  /* the globals image */
  prog->globals_size = u->globals_size ? u->globals_size : 8;
  prog->globals = ar_alloc(&prog->ar, prog->globals_size);
  uint32_t nrelocs = 0;
  for (sym *s = u->globals; s; s = s->next_global)
    if (s->kind == SYM_VAR)
      for (gl_reloc *r = s->relocs; r; r = r->next) nrelocs++;
  prog->relocs = ar_alloc(&prog->ar, (nrelocs ? nrelocs : 1) * sizeof *prog->relocs);
  for (sym *s = u->globals; s; s = s->next_global) {
    if (s->kind != SYM_VAR || !s->is_defined) continue;
    if (s->init) memcpy(prog->globals + s->offset, s->init, s->type->size);
    for (gl_reloc *r = s->relocs; r; r = r->next) {
      vm_reloc *v = &prog->relocs[prog->nrelocs++];
      v->offset = s->offset + r->offset;
      if (r->target->kind == SYM_FUNC) {
        if (!r->target->body) {
          cx_error(c, s->span, "lang.sem.unsupported", "what", "the address of a kernel routine", (const char *)NULL);
          cx_resync(c);
          v->function = -1;
          continue;
        }
        v->function = r->target->index;
        v->addend = r->addend;
      } else {
        v->function = -1;
        v->addend = (int64_t)r->target->offset + r->addend;
      }
    }
  }
  prog->consts = ar_alloc(&prog->ar, (g->nconsts ? g->nconsts : 1) * sizeof *prog->consts);
  if (g->nconsts) memcpy(prog->consts, g->consts, g->nconsts * sizeof *g->consts);
  prog->nconsts = g->nconsts;
  for (uint32_t i = 0; i < prog->nfuncs; i++) prog->funcs[i].consts = prog->consts;
}
