/* gen_expr.c: expressions to bytecode: values, lvalues (registers, the frame, the globals,
 * memory through a pointer), conversions, calls, and conditions as jumps (gen.h). */
#include <string.h>

#include "lang/gen.h"
#include "lang/intrinsic.h"

static uint32_t dest(gn *g, int dst) { return dst >= 0 ? (uint32_t)dst : gn_tmp(g); }

vm_norm gn_norm_of(const ty_type *t) {
  if (t->kind == TY_BOOL) return N_BOOL;
  if (!ty_is_integer(t)) return N_NONE;
  switch (t->size) {
  case 1: return t->is_unsigned ? N_U8 : N_S8;
  case 2: return t->is_unsigned ? N_U16 : N_S16;
  case 4: return t->is_unsigned ? N_U32 : N_S32;
  default: return N_NONE;
  }
}

uint32_t gn_int(gn *g, int64_t v, int dst) {
  uint32_t d = dest(g, dst);
  if (gn_fits32(v)) gn_emit(g, OP_KI, d, 0, 0, v);
  else gn_emit(g, OP_KL, d, 0, 0, gn_const(g, v));
  return d;
}

/* Whether converting from `from` to `to` changes the value's bits (canonical forms). */
static int needs_conversion(const ty_type *from, const ty_type *to) {
  if (to->kind == TY_VOID || to->kind == TY_ERROR) return 0;
  if (to->kind == TY_BOOL) return from->kind != TY_BOOL;
  if (!ty_is_integer(to)) return 0;
  uint32_t ts = to->size, fs = ty_is_integer(from) ? from->size : 8;
  int fu = ty_is_integer(from) ? from->is_unsigned : 1;
  if (ts == 8) return 0;
  if (fs < ts && (fu || !to->is_unsigned)) return 0;
  if (fs == ts && fu == to->is_unsigned) return 0;
  return 1;
}

/* Converts the value in `r` from type `from` to type `to` (canonical forms). */
static uint32_t convert(gn *g, uint32_t r, const ty_type *from, const ty_type *to, int dst) {
  if (to->kind == TY_VOID || to->kind == TY_ERROR) return r;
  if (to->kind == TY_BOOL) {
    if (from->kind == TY_BOOL) goto same;
    uint32_t d = dest(g, dst);
    gn_emit(g, OP_CONV, d, r, 0, 0)->x = N_BOOL;
    return d;
  }
  if (!ty_is_integer(to)) goto same; /* to a pointer: 64 bits, nothing to do */
  uint32_t ts = to->size, fs = ty_is_integer(from) ? from->size : 8;
  int fu = ty_is_integer(from) ? from->is_unsigned : 1;
  if (ts == 8) goto same;
  if (fs < ts && (fu || !to->is_unsigned)) goto same;
  if (fs == ts && fu == to->is_unsigned) goto same;
  {
    uint32_t d = dest(g, dst);
    gn_emit(g, OP_CONV, d, r, 0, 0)->x = (uint8_t)gn_norm_of(to);
    return d;
  }
same:
  if (dst >= 0 && (uint32_t)dst != r) {
    gn_emit(g, OP_MOV, (uint32_t)dst, r, 0, 0);
    return (uint32_t)dst;
  }
  return r;
}

/* ---- Lvalues ---------------------------------------------------------------------------------------- */

typedef enum lv_kind { LV_REG, LV_MEM, LV_FRAME, LV_GLOBAL } lv_kind;

typedef struct lv {
  lv_kind kind;
  uint32_t reg;             /* LV_REG: the register; LV_MEM: the base address */
  int64_t off;
  ty_type *type;
  ty_member *bf;            /* a bit-field */
} lv;

static lv lvalue(gn *g, nd_node *n);

static void settle(gn *g, lv *l) {
  /* keep offsets in 32 bits */
  if (l->kind == LV_MEM && !gn_fits32(l->off)) {
    uint32_t k = gn_int(g, l->off, -1);
    uint32_t r = gn_tmp(g);
    gn_emit(g, OP_ADD64, r, l->reg, k, 0);
    l->reg = r;
    l->off = 0;
  }
}

static lv lvalue(gn *g, nd_node *n) {
  lv l;
  memset(&l, 0, sizeof l);
  l.type = n->type;
  switch (n->kind) {
  case ND_VAR: {
    sym *v = n->var;
    if (v->is_local && v->by_address) {
      l.kind = LV_MEM;
      l.reg = (uint32_t)v->reg;
    } else if (v->is_local) {
      if (v->in_memory) {
        l.kind = LV_FRAME;
        l.off = v->offset;
      } else {
        l.kind = LV_REG;
        l.reg = (uint32_t)v->reg;
      }
    } else {
      l.kind = LV_GLOBAL;
      l.off = v->offset;
    }
    return l;
  }
  case ND_MEMBER: {
    lv b = lvalue(g, n->lhs);
    if (b.kind == LV_REG) {
      cx_error(g->c, n->span, "lang.internal.codegen", "what", "member of a register", (const char *)NULL);
      return b;
    }
    b.off += n->offset;
    b.type = n->type;
    b.bf = n->member->is_bitfield ? n->member : NULL;
    settle(g, &b);
    return b;
  }
  case ND_DEREF: {
    nd_node *p = n->lhs;
    l.kind = LV_MEM;
    if ((p->kind == ND_ADD || p->kind == ND_SUB) && p->rhs->kind == ND_NUM && p->type->kind == TY_PTR) {
      l.reg = gn_expr(g, p->lhs, -1);
      l.off = p->kind == ND_ADD ? p->rhs->val : -p->rhs->val;
    } else {
      l.reg = gn_expr(g, p, -1);
    }
    settle(g, &l);
    return l;
  }
  case ND_CALL: /* a structure returned by value: the address of the caller's buffer */
    l.kind = LV_MEM;
    l.reg = gn_expr(g, n, -1);
    return l;
  default:
    cx_error(g->c, n->span, "lang.internal.codegen", "what", "not an lvalue", (const char *)NULL);
    l.kind = LV_REG;
    l.reg = gn_tmp(g);
    return l;
  }
}

static uint8_t access_x(const ty_type *t) {
  uint32_t s = t->size;
  if (t->kind == TY_PTR) return 8;
  if (s != 1 && s != 2 && s != 4 && s != 8) s = 8;
  return (uint8_t)(s | (ty_is_integer(t) && !t->is_unsigned && t->kind != TY_BOOL ? VM_SIGNED : 0));
}

/* The address of a memory lvalue into a register. */
static uint32_t lv_address(gn *g, const lv *l, int dst) {
  uint32_t d = dest(g, dst);
  switch (l->kind) {
  case LV_FRAME: gn_emit(g, OP_LADDR, d, 0, 0, l->off); break;
  case LV_GLOBAL: gn_emit(g, OP_GADDR, d, 0, 0, l->off); break;
  case LV_MEM:
    if (l->off) gn_emit(g, OP_ADDI64, d, l->reg, 0, l->off);
    else if (d != l->reg) gn_emit(g, OP_MOV, d, l->reg, 0, 0);
    break;
  case LV_REG: break;
  }
  return d;
}

static void mask_low(gn *g, uint32_t r, uint32_t width) {
  if (width < 31) gn_emit(g, OP_ANDI, r, r, 0, (int64_t)((1u << width) - 1));
  else if (width == 32) gn_emit(g, OP_CONV, r, r, 0, 0)->x = N_U32;
  else if (width < 64) {
    uint32_t m = gn_int(g, (int64_t)((1ull << width) - 1), -1);
    gn_emit(g, OP_AND, r, r, m, 0);
  }
}

/* The load from a pointer or from the globals with access `x`: the sized form when there is
 * one (no size to decode when it runs). */
static vm_op load_op(vm_op op, uint8_t x) {
  if (op == OP_LD) {
    switch (x) {
    case 1: return OP_LD1;
    case 2: return OP_LD2;
    case 4: return OP_LD4;
    case 8: case 8 | VM_SIGNED: return OP_LD8;
    case 4 | VM_SIGNED: return OP_LDS4;
    default: return op;
    }
  }
  if (op == OP_LDG) {
    switch (x) {
    case 4: return OP_LDG4;
    case 4 | VM_SIGNED: return OP_LDGS4;
    case 8: case 8 | VM_SIGNED: return OP_LDG8;
    default: return op;
    }
  }
  return op;
}

/* Emits the load of lvalue `l` (in memory) into register `d` with access `x`. */
static void emit_load(gn *g, const lv *l, uint32_t d, uint8_t x) {
  if (l->kind == LV_FRAME) gn_emit(g, OP_LDL, d, 0, 0, l->off)->x = x;
  else if (l->kind == LV_GLOBAL) gn_emit(g, load_op(OP_LDG, x), d, 0, 0, l->off)->x = x;
  else gn_emit(g, load_op(OP_LD, x), d, l->reg, 0, l->off)->x = x;
}

/* Emits the store of register `v` to lvalue `l` (in memory) with access `x` (a 4-byte store
 * to the globals in its sized form). */
static void emit_store(gn *g, const lv *l, uint32_t v, uint8_t x) {
  if (l->kind == LV_FRAME) gn_emit(g, OP_STL, 0, v, 0, l->off)->x = x;
  else if (l->kind == LV_GLOBAL) gn_emit(g, (x & 0x0F) == 4 ? OP_STG4 : OP_STG, 0, v, 0, l->off)->x = x;
  else gn_emit(g, OP_ST, l->reg, v, 0, l->off)->x = x;
}

static uint32_t load(gn *g, lv *l, int dst) {
  if (l->kind == LV_REG) {
    if (dst >= 0 && (uint32_t)dst != l->reg) {
      gn_emit(g, OP_MOV, (uint32_t)dst, l->reg, 0, 0);
      return (uint32_t)dst;
    }
    return l->reg;
  }
  uint32_t d = dest(g, dst);
  ty_type *t = l->bf ? l->bf->type : l->type;
  uint8_t x = l->bf ? (uint8_t)(t->size) : access_x(t);
  emit_load(g, l, d, x);
  if (l->bf) {
    ty_member *m = l->bf;
    uint32_t sh = gn_tmp(g);
    if (!t->is_unsigned && t->kind != TY_BOOL) {
      gn_emit(g, OP_KI, sh, 0, 0, 64 - m->bit_offset - m->bit_width);
      gn_emit(g, OP_SHL64, d, d, sh, 0);
      gn_emit(g, OP_KI, sh, 0, 0, 64 - m->bit_width);
      gn_emit(g, OP_SHRS64, d, d, sh, 0);
    } else {
      if (m->bit_offset) {
        gn_emit(g, OP_KI, sh, 0, 0, m->bit_offset);
        gn_emit(g, OP_SHRU64, d, d, sh, 0);
      }
      mask_low(g, d, m->bit_width);
    }
  }
  return d;
}

static void store(gn *g, lv *l, uint32_t v) {
  if (l->kind == LV_REG) {
    if (l->reg != v) gn_emit(g, OP_MOV, l->reg, v, 0, 0);
    return;
  }
  if (ty_is_record(l->type) || l->type->kind == TY_ARRAY) {
    /* a structure: v holds the source address */
    uint32_t a = lv_address(g, l, -1);
    gn_emit(g, OP_COPY, a, v, 0, l->type->size);
    return;
  }
  if (l->bf) {
    ty_member *m = l->bf;
    uint32_t size = m->type->size;
    uint32_t old = gn_tmp(g), val = gn_tmp(g), sh = gn_tmp(g);
    uint8_t x = (uint8_t)size;
    emit_load(g, l, old, x);
    uint64_t mask = (m->bit_width >= 64 ? ~0ull : ((1ull << m->bit_width) - 1)) << m->bit_offset;
    uint32_t km = gn_int(g, (int64_t)~mask, -1);
    gn_emit(g, OP_AND, old, old, km, 0);
    gn_emit(g, OP_MOV, val, v, 0, 0);
    mask_low(g, val, m->bit_width);
    if (m->bit_offset) {
      gn_emit(g, OP_KI, sh, 0, 0, m->bit_offset);
      gn_emit(g, OP_SHL64, val, val, sh, 0);
    }
    gn_emit(g, OP_OR, old, old, val, 0);
    emit_store(g, l, old, x);
    return;
  }
  uint8_t x = (uint8_t)(access_x(l->type) & 0x0F);
  emit_store(g, l, v, x);
}

/* ---- Operators ---------------------------------------------------------------------------------------- */

static vm_op arith(nd_kind kind, const ty_type *t) {
  int w64 = t->size == 8 || t->kind == TY_PTR;
  int u = t->is_unsigned || t->kind == TY_PTR;
  switch (kind) {
  case ND_ADD: return w64 ? OP_ADD64 : u ? OP_ADDU32 : OP_ADD32;
  case ND_SUB: return w64 ? OP_SUB64 : u ? OP_SUBU32 : OP_SUB32;
  case ND_MUL: return w64 ? OP_MUL64 : u ? OP_MULU32 : OP_MUL32;
  case ND_DIV: return w64 ? (u ? OP_DIVU64 : OP_DIVS64) : (u ? OP_DIVU32 : OP_DIVS32);
  case ND_MOD: return w64 ? (u ? OP_MODU64 : OP_MODS64) : (u ? OP_MODU32 : OP_MODS32);
  case ND_SHL: return w64 ? OP_SHL64 : u ? OP_SHLU32 : OP_SHL32;
  case ND_SHR: return w64 ? (u ? OP_SHRU64 : OP_SHRS64) : (u ? OP_SHRU32 : OP_SHRS32);
  case ND_BITAND: return OP_AND;
  case ND_BITOR: return OP_OR;
  case ND_BITXOR: return OP_XOR;
  default: return OP_NOP;
  }
}

static vm_op arith_imm(vm_op op) {
  switch (op) {
  case OP_ADD32: return OP_ADDI32;
  case OP_ADDU32: return OP_ADDIU32;
  case OP_ADD64: return OP_ADDI64;
  case OP_MUL64: return OP_MULI64;
  case OP_AND: return OP_ANDI;
  case OP_OR: return OP_ORI;
  case OP_XOR: return OP_XORI;
  case OP_SHL32: return OP_SHLI32;
  case OP_SHLU32: return OP_SHLIU32;
  case OP_SHL64: return OP_SHLI64;
  case OP_SHRS32: return OP_SHRSI32;
  case OP_SHRU32: return OP_SHRUI32;
  case OP_SHRS64: return OP_SHRSI64;
  case OP_SHRU64: return OP_SHRUI64;
  default: return OP_NOP;
  }
}

/* l op r in type t into dst (r may be a constant node). */
static uint32_t operate(gn *g, nd_kind kind, uint32_t l, nd_node *rn, uint32_t r_reg, const ty_type *t, int dst) {
  vm_op op = arith(kind, t);
  if (rn && rn->kind == ND_NUM && gn_fits32(rn->val)) {
    vm_op imm = arith_imm(op);
    int64_t k = rn->val;
    if (imm == OP_NOP && (op == OP_SUB32 || op == OP_SUBU32 || op == OP_SUB64) && k != INT32_MIN) {
      imm = op == OP_SUB32 ? OP_ADDI32 : op == OP_SUBU32 ? OP_ADDIU32 : OP_ADDI64;
      k = -k;
    }
    if (imm != OP_NOP) {
      uint32_t d = dest(g, dst);
      gn_emit(g, imm, d, l, 0, k);
      return d;
    }
  }
  uint32_t r = rn ? gn_expr(g, rn, -1) : r_reg;
  uint32_t d = dest(g, dst);
  gn_emit(g, op, d, l, r, 0);
  return d;
}

static uint32_t compare_value(gn *g, nd_node *n, int dst) {
  nd_node *a = n->lhs, *b = n->rhs;
  int u = a->type->is_unsigned || a->type->kind == TY_PTR;
  uint32_t l = gn_expr(g, a, -1);
  if (b->kind == ND_NUM && gn_fits32(b->val) && (!u || n->kind == ND_EQ || n->kind == ND_NE)) {
    vm_op op = n->kind == ND_EQ ? OP_EQI : n->kind == ND_NE ? OP_NEI : n->kind == ND_LT ? OP_LTSI : OP_LESI;
    uint32_t d = dest(g, dst);
    gn_emit(g, op, d, l, 0, b->val);
    return d;
  }
  uint32_t r = gn_expr(g, b, -1);
  vm_op op = n->kind == ND_EQ ? OP_EQ : n->kind == ND_NE ? OP_NE : n->kind == ND_LT ? (u ? OP_LTU : OP_LTS) : (u ? OP_LEU : OP_LES);
  uint32_t d = dest(g, dst);
  gn_emit(g, op, d, l, r, 0);
  return d;
}

/* 0 or 1 through jumps. */
static uint32_t materialise(gn *g, nd_node *n, int dst) {
  uint32_t t = gn_tmp(g);
  uint32_t end = gn_label(g);
  gn_emit(g, OP_KI, t, 0, 0, 0);
  gn_branch(g, n, 0, end);
  gn_emit(g, OP_KI, t, 0, 0, 1);
  gn_place(g, end);
  if (dst >= 0) {
    gn_emit(g, OP_MOV, (uint32_t)dst, t, 0, 0);
    return (uint32_t)dst;
  }
  return t;
}

static uint32_t incdec(gn *g, nd_node *n, int dst) {
  lv l = lvalue(g, n->lhs);
  ty_type *t = n->lhs->type;
  uint32_t old = load(g, &l, -1);
  int post = n->kind == ND_POSTINC || n->kind == ND_POSTDEC;
  int64_t step = (n->kind == ND_PREINC || n->kind == ND_POSTINC) ? n->val : -n->val;
  uint32_t result_old = old;
  if (post && l.kind == LV_REG) {
    result_old = gn_tmp(g);
    gn_emit(g, OP_MOV, result_old, old, 0, 0);
  }
  uint32_t nv = l.kind == LV_REG ? l.reg : gn_tmp(g);
  ty_type *at = t->kind == TY_PTR ? t : (ty_rank(t) < 3 ? g->u->basics.int_ : t);
  vm_op op = arith_imm(arith(ND_ADD, at));
  gn_emit(g, op, nv, old, 0, step);
  nv = convert(g, nv, at, t, (int)nv);
  store(g, &l, nv);
  uint32_t r = post ? result_old : nv;
  if (dst >= 0 && (uint32_t)dst != r) {
    gn_emit(g, OP_MOV, (uint32_t)dst, r, 0, 0);
    return (uint32_t)dst;
  }
  return r;
}

static uint32_t opassign(gn *g, nd_node *n, int dst) {
  lv l = lvalue(g, n->lhs);
  ty_type *t = n->lhs->type;
  uint32_t v = load(g, &l, -1);
  uint32_t cv = convert(g, v, t, n->optype, -1);
  uint32_t res = operate(g, n->op, cv, n->rhs, 0, n->optype, l.kind == LV_REG ? (int)l.reg : -1);
  res = convert(g, res, n->optype, t, l.kind == LV_REG ? (int)l.reg : -1);
  store(g, &l, res);
  if (dst >= 0 && (uint32_t)dst != res) {
    gn_emit(g, OP_MOV, (uint32_t)dst, res, 0, 0);
    return (uint32_t)dst;
  }
  return res;
}

static uint32_t assign(gn *g, nd_node *n, int dst) {
  ty_type *t = n->lhs->type;
  if (ty_is_record(t)) {
    lv l = lvalue(g, n->lhs);
    uint32_t sa = gn_expr(g, n->rhs, -1); /* a structure's value is its address */
    store(g, &l, sa);
    return sa;
  }
  if (n->lhs->kind == ND_VAR && n->lhs->var->is_local && !n->lhs->var->in_memory) {
    uint32_t r = (uint32_t)n->lhs->var->reg;
    uint32_t v = gn_expr(g, n->rhs, (int)r);
    if (v != r) gn_emit(g, OP_MOV, r, v, 0, 0);
    if (dst >= 0 && (uint32_t)dst != r) {
      gn_emit(g, OP_MOV, (uint32_t)dst, r, 0, 0);
      return (uint32_t)dst;
    }
    return r;
  }
  lv l = lvalue(g, n->lhs);
  uint32_t v = gn_expr(g, n->rhs, -1);
  store(g, &l, v);
  if (dst >= 0 && (uint32_t)dst != v) {
    gn_emit(g, OP_MOV, (uint32_t)dst, v, 0, 0);
    return (uint32_t)dst;
  }
  return v;
}

/* ---- Calls ----------------------------------------------------------------------------------------------- */

static uint32_t call(gn *g, nd_node *n, int dst) {
  sym *fn = n->var;
  uint32_t callee = 0;
  if (!fn) callee = gn_expr(g, n->lhs, -1);
  uint32_t base = g->top;
  uint32_t nargs = (uint32_t)n->nargs;
  int to_driver = !fn || fn->fn == FN_DRIVER;
  /* a structure result goes to a buffer in this frame; its address follows the arguments */
  uint32_t hidden = ty_is_record(n->type) && to_driver ? 1 : 0;
  g->top = base + (nargs + hidden ? nargs + hidden : 1);
  if (g->top > g->max) g->max = g->top;
  if (g->top >= GN_MAX_REGS) {
    cx_error(g->c, n->span, "lang.budget.function", "name", g->fn->name, (const char *)NULL);
    cx_abort(g->c, CX_FAIL_BUDGET);
  }
  uint32_t i = 0;
  for (nd_node *a = n->args; a; a = a->next, i++) {
    if (ty_is_record(a->type)) {
      if (!to_driver) {
        cx_error(g->c, a->span, "lang.sem.unsupported", "what", "a structure passed by value", (const char *)NULL);
        continue;
      }
      /* passed by value: the callee gets the address of a copy in this frame (as on x64) */
      uint32_t r = gn_expr(g, a, -1);
      uint32_t at = gn_frame_temp(g, a->type->size, a->type->align);
      gn_emit(g, OP_LADDR, base + i, 0, 0, at);
      gn_emit(g, OP_COPY, base + i, r, 0, a->type->size);
      continue;
    }
    uint32_t r = gn_expr(g, a, (int)(base + i));
    if (r != base + i) gn_emit(g, OP_MOV, base + i, r, 0, 0);
  }
  vm_norm norm = n->type->kind == TY_VOID ? N_NONE : gn_norm_of(n->type);
  if (ty_is_record(n->type) && !to_driver)
    cx_error(g->c, n->span, "lang.sem.unsupported", "what", "a structure returned by value", (const char *)NULL);
  if (hidden)
    gn_emit(g, OP_LADDR, base + nargs, 0, 0, gn_frame_temp(g, n->type->size, n->type->align));
  if (!fn) {
    vm_ins *ins = gn_emit(g, OP_ICALL, base, base, nargs + hidden, 0);
    ins->j = (int32_t)callee;
    ins->x = (uint8_t)norm;
  } else if (fn->body) {
    vm_ins *ins = gn_emit(g, OP_CALL, base, base, nargs + hidden, fn->index);
    ins->x = fn->pageable ? 1 : 0;
  } else if (fn->fn == FN_INTRINSIC) {
    gn_emit(g, OP_INTR, base, base, nargs, fn->intrinsic)->x = (uint8_t)norm;
  } else if (fn->fn == FN_KERNEL) {
    gn_emit(g, OP_KCALL, base, base, nargs, fn->api)->x = (uint8_t)norm;
  } else {
    /* reported by the parser (not defined) */
    gn_emit(g, OP_TRAP, 0, 0, 0, 0);
  }
  g->top = base + 1;
  if (dst >= 0 && (uint32_t)dst != base) {
    gn_emit(g, OP_MOV, (uint32_t)dst, base, 0, 0);
    return (uint32_t)dst;
  }
  return base;
}

/* ---- Values ------------------------------------------------------------------------------------------------ */

uint32_t gn_expr(gn *g, nd_node *n, int dst) {
  switch (n->kind) {
  case ND_NUM:
    return gn_int(g, n->val, dst);
  case ND_VAR:
    if (n->var->kind == SYM_FUNC) {
      uint32_t d = dest(g, dst);
      gn_emit(g, OP_FADDR, d, 0, 0, n->var->index);
      return d;
    }
    /* fall through to the lvalue load */
    __attribute__((fallthrough));
  case ND_MEMBER:
  case ND_DEREF: {
    if (ty_is_record(n->type) || n->type->kind == TY_ARRAY) {
      lv l = lvalue(g, n);
      return lv_address(g, &l, dst);
    }
    lv l = lvalue(g, n);
    return load(g, &l, dst);
  }
  case ND_ADDR: {
    nd_node *e = n->lhs;
    if (e->kind == ND_VAR && e->var->kind == SYM_FUNC) {
      uint32_t d = dest(g, dst);
      if (!e->var->body) {
        cx_error(g->c, n->span, "lang.sem.unsupported", "what", "the address of a kernel routine", (const char *)NULL);
        return d;
      }
      gn_emit(g, OP_FADDR, d, 0, 0, e->var->index);
      return d;
    }
    if (e->kind == ND_DEREF) return gn_expr(g, e->lhs, dst);
    lv l = lvalue(g, e);
    return lv_address(g, &l, dst);
  }
  case ND_CAST: {
    if (n->type->kind == TY_VOID) {
      gn_discard(g, n->lhs);
      return gn_tmp(g);
    }
    if (!needs_conversion(n->lhs->type, n->type)) return gn_expr(g, n->lhs, dst);
    uint32_t r = gn_expr(g, n->lhs, -1);
    return convert(g, r, n->lhs->type, n->type, dst);
  }
  case ND_NEG: case ND_BITNOT: {
    uint32_t r = gn_expr(g, n->lhs, -1);
    uint32_t d = dest(g, dst);
    int w64 = n->type->size == 8, u = n->type->is_unsigned;
    vm_op op = n->kind == ND_NEG ? (w64 ? OP_NEG64 : u ? OP_NEGU32 : OP_NEG32) : (w64 ? OP_NOT64 : u ? OP_NOTU32 : OP_NOT32);
    gn_emit(g, op, d, r, 0, 0);
    return d;
  }
  case ND_NOT: {
    uint32_t r = gn_expr(g, n->lhs, -1);
    uint32_t d = dest(g, dst);
    gn_emit(g, OP_LNOT, d, r, 0, 0);
    return d;
  }
  case ND_ADD: case ND_SUB: case ND_MUL: case ND_DIV: case ND_MOD: case ND_SHL: case ND_SHR:
  case ND_BITAND: case ND_BITOR: case ND_BITXOR: {
    uint32_t l = gn_expr(g, n->lhs, -1);
    return operate(g, n->kind, l, n->rhs, 0, n->kind == ND_SHL || n->kind == ND_SHR ? n->type : n->lhs->type, dst);
  }
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE:
    return compare_value(g, n, dst);
  case ND_LOGAND: case ND_LOGOR:
    return materialise(g, n, dst);
  case ND_ASSIGN:
    return assign(g, n, dst);
  case ND_OPASSIGN:
    return opassign(g, n, dst);
  case ND_PREINC: case ND_PREDEC: case ND_POSTINC: case ND_POSTDEC:
    return incdec(g, n, dst);
  case ND_COND: {
    if (n->type->kind == TY_VOID) {
      gn_discard(g, n);
      return gn_tmp(g);
    }
    uint32_t t = dst >= 0 ? (uint32_t)dst : gn_tmp(g);
    uint32_t els = gn_label(g), end = gn_label(g);
    gn_branch(g, n->cond, 0, els);
    uint32_t a = gn_expr(g, n->then, (int)t);
    if (a != t) gn_emit(g, OP_MOV, t, a, 0, 0);
    gn_jump(g, OP_JMP, 0, 0, 0, end);
    gn_place(g, els);
    uint32_t b = gn_expr(g, n->els, (int)t);
    if (b != t) gn_emit(g, OP_MOV, t, b, 0, 0);
    gn_place(g, end);
    return t;
  }
  case ND_COMMA:
    gn_discard(g, n->lhs);
    return gn_expr(g, n->rhs, dst);
  case ND_CALL:
    return call(g, n, dst);
  case ND_MEMZERO: {
    lv l;
    memset(&l, 0, sizeof l);
    l.kind = LV_FRAME;
    l.off = n->var->offset;
    uint32_t a = lv_address(g, &l, -1);
    gn_emit(g, OP_ZERO, a, 0, 0, n->var->type->size);
    return a;
  }
  case ND_EXCEPTION_CODE: {
    uint32_t d = dest(g, dst);
    gn_emit(g, OP_EXCODE, d, 0, 0, 0);
    return d;
  }
  case ND_ABNORMAL: {
    uint32_t d = dest(g, dst);
    gn_emit(g, OP_ABNORM, d, 0, 0, 0);
    return d;
  }
  default:
    cx_error(g->c, n->span, "lang.internal.codegen", "what", "an expression", (const char *)NULL);
    return gn_tmp(g);
  }
}

void gn_discard(gn *g, nd_node *n) {
  uint32_t top = g->top;
  switch (n->kind) {
  case ND_COND: {
    uint32_t els = gn_label(g), end = gn_label(g);
    gn_branch(g, n->cond, 0, els);
    gn_discard(g, n->then);
    gn_jump(g, OP_JMP, 0, 0, 0, end);
    gn_place(g, els);
    gn_discard(g, n->els);
    gn_place(g, end);
    break;
  }
  case ND_CAST:
    gn_discard(g, n->lhs);
    break;
  case ND_COMMA:
    gn_discard(g, n->lhs);
    gn_discard(g, n->rhs);
    break;
  case ND_LOGAND: case ND_LOGOR: {
    uint32_t end = gn_label(g);
    gn_branch(g, n->lhs, n->kind == ND_LOGOR, end);
    gn_discard(g, n->rhs);
    gn_place(g, end);
    break;
  }
  case ND_NUM:
    break;
  default:
    gn_expr(g, n, -1);
    break;
  }
  g->top = top;
}

/* ---- Conditions -------------------------------------------------------------------------------------------- */

static int widening(const nd_node *n) {
  /* a cast that keeps "zero or not" (to a type at least as wide) */
  if (n->kind != ND_CAST || n->type->kind == TY_BOOL) return 0;
  const ty_type *f = n->lhs->type;
  if (!ty_is_integer(n->type) && n->type->kind != TY_PTR) return 0;
  if (!ty_is_integer(f) && f->kind != TY_PTR) return 0;
  uint32_t fs = f->kind == TY_PTR ? 8 : f->size;
  return n->type->size >= fs || n->type->kind == TY_PTR;
}

/* The jump comparing a register with a constant for comparison `k` (EQ, NE, LT, LE; already
 * inverted for EQ/NE when the jump is for false), taken when the comparison is `when`;
 * `swapped`: the constant is on the left (k < r is r > k, k <= r is r >= k). */
static vm_op const_jump(nd_kind k, int u, int when, int swapped) {
  enum { LT, LE, GT, GE };
  static const vm_op unsigned_ops[4] = { OP_JLTUI, OP_JLEUI, OP_JGTUI, OP_JGEUI };
  static const vm_op signed_ops[4] = { OP_JLTSI, OP_JLESI, OP_JGTSI, OP_JGESI };
  if (k == ND_EQ) return OP_JEQI;
  if (k == ND_NE) return OP_JNEI;
  int rel = k == ND_LT ? (swapped ? GT : LT) : (swapped ? GE : LE);
  if (!when) rel = rel == LT ? GE : rel == LE ? GT : rel == GT ? LE : LT;
  return u ? unsigned_ops[rel] : signed_ops[rel];
}

void gn_branch(gn *g, nd_node *n, int when, uint32_t label) {
  while (widening(n)) n = n->lhs;
  switch (n->kind) {
  case ND_NUM:
    if ((n->val != 0) == when) gn_jump(g, OP_JMP, 0, 0, 0, label);
    return;
  case ND_NOT:
    gn_branch(g, n->lhs, !when, label);
    return;
  case ND_LOGAND:
  case ND_LOGOR: {
    int and = n->kind == ND_LOGAND;
    if (and == when) {
      uint32_t skip = gn_label(g);
      gn_branch(g, n->lhs, !when, skip);
      gn_branch(g, n->rhs, when, label);
      gn_place(g, skip);
    } else {
      gn_branch(g, n->lhs, when, label);
      gn_branch(g, n->rhs, when, label);
    }
    return;
  }
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE: {
    nd_node *a = n->lhs, *b = n->rhs;
    int u = a->type->is_unsigned || a->type->kind == TY_PTR;
    uint32_t top = g->top;
    nd_kind k = n->kind;
    if (!when) k = k == ND_EQ ? ND_NE : k == ND_NE ? ND_EQ : k; /* LT/LE inverted below */
    if (a->kind == ND_NUM && b->kind != ND_NUM && gn_fits32(a->val) && !(u && (k == ND_LT || k == ND_LE) && a->val < 0)) {
      uint32_t r = gn_expr(g, b, -1);
      gn_jump(g, const_jump(k, u, when, 1), r, 0, (int32_t)a->val, label);
      g->top = top;
      return;
    }
    uint32_t l = gn_expr(g, a, -1);
    if (b->kind == ND_NUM && gn_fits32(b->val) && !(u && (k == ND_LT || k == ND_LE) && b->val < 0)) {
      gn_jump(g, const_jump(k, u, when, 0), l, 0, (int32_t)b->val, label);
      g->top = top;
      return;
    }
    uint32_t r = gn_expr(g, b, -1);
    if (k == ND_EQ) gn_jump(g, OP_JEQ, l, r, 0, label);
    else if (k == ND_NE) gn_jump(g, OP_JNE, l, r, 0, label);
    else if (k == ND_LT) {
      if (when) gn_jump(g, u ? OP_JLTU : OP_JLTS, l, r, 0, label);
      else gn_jump(g, u ? OP_JLEU : OP_JLES, r, l, 0, label); /* a >= b: b <= a */
    } else {
      if (when) gn_jump(g, u ? OP_JLEU : OP_JLES, l, r, 0, label);
      else gn_jump(g, u ? OP_JLTU : OP_JLTS, r, l, 0, label); /* a > b: b < a */
    }
    g->top = top;
    return;
  }
  case ND_BITAND:
    if (n->rhs->kind == ND_NUM && gn_fits32(n->rhs->val)) {
      uint32_t top = g->top;
      uint32_t l = gn_expr(g, n->lhs, -1);
      gn_jump(g, when ? OP_JTST : OP_JNTST, l, 0, (int32_t)n->rhs->val, label);
      g->top = top;
      return;
    }
    break;
  default:
    break;
  }
  uint32_t top = g->top;
  uint32_t r = gn_expr(g, n, -1);
  gn_jump(g, when ? OP_JNZ : OP_JZ, r, 0, 0, label);
  g->top = top;
}
