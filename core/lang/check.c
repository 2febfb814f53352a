/* check.c: the checker: the types of expressions, C's conversions (as ND_CAST nodes), the
 * checks a compiler makes on operands, and folding of integer constant expressions. An
 * operand of the error type makes the result the error type without a new message. */
#include <string.h>

#include "lang/parse.h"

nd_node *ck_new(ps *p, nd_kind kind, fp_span span) {
  nd_node *n = ar_alloc(&p->c->ar, sizeof *n);
  n->kind = kind;
  n->span = span;
  return n;
}

int64_t ck_wrap(const ty_type *t, int64_t v) {
  if (t->kind == TY_BOOL) return v != 0;
  switch (t->size) {
  case 1: return t->is_unsigned ? (int64_t)(uint8_t)v : (int64_t)(int8_t)(uint8_t)v;
  case 2: return t->is_unsigned ? (int64_t)(uint16_t)v : (int64_t)(int16_t)(uint16_t)v;
  case 4: return t->is_unsigned ? (int64_t)(uint32_t)v : (int64_t)(int32_t)(uint32_t)v;
  default: return v;
  }
}

nd_node *ck_num(ps *p, int64_t v, ty_type *t, fp_span span) {
  nd_node *n = ck_new(p, ND_NUM, span);
  n->type = t;
  n->val = ck_wrap(t, v);
  n->is_const = 1;
  return n;
}

static nd_node *error_node(ps *p, fp_span span) {
  nd_node *n = ck_new(p, ND_NUM, span);
  n->type = p->b.error;
  return n;
}

static int is_error(const nd_node *n) { return n->type->kind == TY_ERROR; }

int ck_is_lvalue(const nd_node *n) {
  switch (n->kind) {
  case ND_VAR: return n->var->kind == SYM_VAR;
  case ND_DEREF: return 1;
  case ND_MEMBER: return ck_is_lvalue(n->lhs) || n->lhs->kind == ND_CALL;
  default: return 0;
  }
}

int ck_is_null_constant(const nd_node *n) {
  while (n->kind == ND_CAST && (ty_is_integer(n->type) || (n->type->kind == TY_PTR && n->type->base->kind == TY_VOID)))
    n = n->lhs;
  return n->kind == ND_NUM && n->is_const && n->val == 0 && ty_is_integer(n->type);
}

nd_node *ck_rvalue(ps *p, nd_node *n) {
  if (n->kind == ND_COMMA && (n->type->kind == TY_ARRAY || n->type->kind == TY_FUNC)) {
    /* (init, object): the object decays after the initialisation */
    nd_node *c = ck_new(p, ND_COMMA, n->span);
    c->lhs = n->lhs;
    c->rhs = ck_rvalue(p, n->rhs);
    c->type = c->rhs->type;
    return c;
  }
  if (n->type->kind == TY_ARRAY) {
    nd_node *a = ck_new(p, ND_ADDR, n->span);
    a->lhs = n;
    a->type = ty_pointer_to(p->c, n->type->base);
    if (n->kind == ND_VAR && n->var->is_local) n->var->addr_taken = 1;
    return a;
  }
  if (n->type->kind == TY_FUNC) {
    nd_node *a = ck_new(p, ND_ADDR, n->span);
    a->lhs = n;
    a->type = ty_pointer_to(p->c, n->type);
    return a;
  }
  return n;
}

/* ---- Constant folding -------------------------------------------------------------------------- */

static int fold_address(ps *p, nd_node *n, int64_t *out) {
  if (n->kind == ND_MEMBER) {
    int64_t base;
    if (!fold_address(p, n->lhs, &base)) return 0;
    *out = base + n->offset;
    return 1;
  }
  if (n->kind == ND_DEREF) return ck_fold(p, n->lhs, out);
  return 0;
}

int ck_fold(ps *p, nd_node *n, int64_t *out) {
  int64_t a, b;
  ty_type *t = n->type;
  if (t->kind == TY_ERROR) return 0;
  switch (n->kind) {
  case ND_NUM:
    if (!n->is_const) return 0;
    *out = n->val;
    return 1;
  case ND_CAST:
    if (!ty_is_scalar(t) || !ck_fold(p, n->lhs, &a)) return 0;
    *out = t->kind == TY_PTR ? a : ck_wrap(t, a);
    return 1;
  case ND_ADDR:
    if (!fold_address(p, n->lhs, &a)) return 0;
    *out = a;
    return 1;
  case ND_NEG: if (!ck_fold(p, n->lhs, &a)) return 0; *out = ck_wrap(t, (int64_t)(0 - (uint64_t)a)); return 1;
  case ND_BITNOT: if (!ck_fold(p, n->lhs, &a)) return 0; *out = ck_wrap(t, ~a); return 1;
  case ND_NOT: if (!ck_fold(p, n->lhs, &a)) return 0; *out = !a; return 1;
  case ND_COND:
    if (!ck_fold(p, n->cond, &a)) return 0;
    return ck_fold(p, a ? n->then : n->els, out);
  case ND_COMMA: return 0;
  case ND_LOGAND:
    if (!ck_fold(p, n->lhs, &a)) return 0;
    if (!a) { *out = 0; return 1; }
    if (!ck_fold(p, n->rhs, &b)) return 0;
    *out = b != 0;
    return 1;
  case ND_LOGOR:
    if (!ck_fold(p, n->lhs, &a)) return 0;
    if (a) { *out = 1; return 1; }
    if (!ck_fold(p, n->rhs, &b)) return 0;
    *out = b != 0;
    return 1;
  default: break;
  }
  if (n->kind < ND_ADD || n->kind > ND_LE) return 0;
  if (!ck_fold(p, n->lhs, &a) || !ck_fold(p, n->rhs, &b)) return 0;
  ty_type *ot = n->lhs->type; /* the operation's type (the result of comparisons is int) */
  int u = ot->is_unsigned;
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  int w64 = ot->size == 8;
  int64_t r;
  switch (n->kind) {
  case ND_ADD: r = (int64_t)(ua + ub); break;
  case ND_SUB: r = (int64_t)(ua - ub); break;
  case ND_MUL: r = (int64_t)(ua * ub); break;
  case ND_DIV:
  case ND_MOD:
    if (b == 0) return 0;
    if (u) r = n->kind == ND_DIV ? (int64_t)(ua / ub) : (int64_t)(ua % ub);
    else if (b == -1) r = n->kind == ND_DIV ? (int64_t)(0 - ua) : 0;
    else r = n->kind == ND_DIV ? a / b : a % b;
    break;
  case ND_SHL: r = (int64_t)(ua << (ub & (w64 ? 63 : 31))); break;
  case ND_SHR: r = u ? (int64_t)(ua >> (ub & (w64 ? 63 : 31))) : a >> (ub & (w64 ? 63 : 31)); break;
  case ND_BITAND: r = a & b; break;
  case ND_BITOR: r = a | b; break;
  case ND_BITXOR: r = a ^ b; break;
  case ND_EQ: *out = a == b; return 1;
  case ND_NE: *out = a != b; return 1;
  case ND_LT: *out = u ? ua < ub : a < b; return 1;
  case ND_LE: *out = u ? ua <= ub : a <= b; return 1;
  default: return 0;
  }
  *out = t->kind == TY_PTR ? r : ck_wrap(t, r);
  return 1;
}

static nd_node *folded(ps *p, nd_node *n) {
  int64_t v;
  if (ty_is_integer(n->type) && ck_fold(p, n, &v)) {
    nd_node *k = ck_num(p, v, n->type, n->span);
    return k;
  }
  return n;
}

/* ---- Conversions ------------------------------------------------------------------------------- */

nd_node *ck_cast(ps *p, nd_node *n, ty_type *to) {
  if (is_error(n) || to->kind == TY_ERROR) {
    nd_node *e = error_node(p, n->span);
    e->lhs = n;
    return e;
  }
  n = ck_rvalue(p, n);
  ty_type *from = n->type;
  if (to->kind == TY_VOID) {
    nd_node *c = ck_new(p, ND_CAST, n->span);
    c->lhs = n;
    c->type = to;
    return c;
  }
  if (ty_unqual(from) == ty_unqual(to) || (from->kind == to->kind && ty_is_integer(to) && from->kind != TY_ENUM)) {
    if (n->kind == ND_NUM) {
      nd_node *k = ck_num(p, n->val, to, n->span);
      k->is_const = n->is_const;
      return k;
    }
    if (ty_is_record(to)) return n;
    nd_node *c = ck_new(p, ND_CAST, n->span);
    c->lhs = n;
    c->type = to;
    c->is_const = n->is_const;
    return c;
  }
  nd_node *c = ck_new(p, ND_CAST, n->span);
  c->lhs = n;
  c->type = to;
  return folded(p, c);
}

static const char *tname(ps *p, const ty_type *t) { return ty_str(p->c, t); }

nd_node *ck_convert_for_assign(ps *p, nd_node *r, ty_type *to, fp_span span, const char *context) {
  if (is_error(r) || to->kind == TY_ERROR) return ck_cast(p, r, to);
  r = ck_rvalue(p, r);
  ty_type *from = r->type;
  (void)context;
  if (from->kind == TY_VOID) {
    cx_error(p->c, r->span, "lang.sem.void_value", (const char *)NULL);
    return error_node(p, span);
  }
  if (ty_is_integer(to) && ty_is_integer(from)) return ck_cast(p, r, to);
  if (to->kind == TY_BOOL && from->kind == TY_PTR) return ck_cast(p, r, to);
  if (to->kind == TY_PTR) {
    if (ck_is_null_constant(r)) return ck_cast(p, r, to);
    if (from->kind == TY_PTR) {
      ty_type *a = to->base, *b = from->base;
      if (a->kind == TY_VOID || b->kind == TY_VOID || ty_compatible(a, b)) {
        if (b->is_const && !a->is_const && a->kind != TY_VOID && b->kind != TY_FUNC)
          cx_warning(p->c, r->span, "lang.sem.discards_const", "from", tname(p, from), "to", tname(p, to), (const char *)NULL);
        return ck_cast(p, r, to);
      }
      cx_warning(p->c, r->span, "lang.sem.pointer_mismatch", "from", tname(p, from), "to", tname(p, to), (const char *)NULL);
      return ck_cast(p, r, to);
    }
    if (ty_is_integer(from)) {
      cx_error(p->c, r->span, "lang.sem.pointer_int", "from", tname(p, from), "to", tname(p, to), (const char *)NULL);
      return error_node(p, span);
    }
  }
  if (ty_is_integer(to) && from->kind == TY_PTR) {
    cx_error(p->c, r->span, "lang.sem.pointer_int", "from", tname(p, from), "to", tname(p, to), (const char *)NULL);
    return error_node(p, span);
  }
  if (ty_is_record(to) && ty_compatible(to, from)) return r;
  cx_error(p->c, r->span, "lang.sem.incompatible", "from", tname(p, from), "to", tname(p, to), (const char *)NULL);
  return error_node(p, span);
}

nd_node *ck_condition(ps *p, nd_node *e) {
  e = ck_rvalue(p, e);
  if (is_error(e)) return e;
  if (!ty_is_scalar(e->type)) {
    cx_error(p->c, e->span, "lang.sem.not_scalar", "type", tname(p, e->type), (const char *)NULL);
    return error_node(p, e->span);
  }
  return e;
}

/* ---- Operators --------------------------------------------------------------------------------- */

static nd_node *invalid_operands(ps *p, const char *op, nd_node *l, nd_node *r, fp_span span) {
  cx_error(p->c, span, "lang.sem.invalid_operands", "op", op, "left", tname(p, l->type), "right",
           r ? tname(p, r->type) : "", (const char *)NULL);
  return error_node(p, span);
}

static nd_node *make(ps *p, nd_kind kind, nd_node *l, nd_node *r, ty_type *t, fp_span span) {
  nd_node *n = ck_new(p, kind, span);
  n->lhs = l;
  n->rhs = r;
  n->type = t;
  return folded(p, n);
}

static int pointee_size_ok(ps *p, ty_type *ptr, fp_span span) {
  ty_type *b = ptr->base;
  if (b->kind == TY_VOID || b->kind == TY_FUNC || !b->complete) {
    cx_error(p->c, span, "lang.sem.pointer_arith", "type", tname(p, ptr), (const char *)NULL);
    return 0;
  }
  return 1;
}

/* ptr + int (int already on the right): scales the integer by the element size. */
static nd_node *pointer_add(ps *p, nd_kind kind, nd_node *ptr, nd_node *i, fp_span span) {
  if (!pointee_size_ok(p, ptr->type, span)) return error_node(p, span);
  nd_node *off = ck_cast(p, i, p->b.llong);
  uint32_t size = ptr->type->base->size;
  if (size != 1) off = make(p, ND_MUL, off, ck_num(p, size, p->b.llong, span), p->b.llong, span);
  return make(p, kind, ptr, off, ptr->type, span);
}

nd_node *ck_binary(ps *p, nd_kind kind, nd_node *l, nd_node *r, fp_span span, const char *op) {
  l = ck_rvalue(p, l);
  r = ck_rvalue(p, r);
  if (is_error(l) || is_error(r)) return error_node(p, span);
  ty_type *lt = l->type, *rt = r->type;
  int lint = ty_is_integer(lt), rint = ty_is_integer(rt);
  switch (kind) {
  case ND_ADD:
    if (lint && rint) break;
    if (lt->kind == TY_PTR && rint) return pointer_add(p, ND_ADD, l, r, span);
    if (lint && rt->kind == TY_PTR) return pointer_add(p, ND_ADD, r, l, span);
    return invalid_operands(p, op, l, r, span);
  case ND_SUB:
    if (lint && rint) break;
    if (lt->kind == TY_PTR && rint) return pointer_add(p, ND_SUB, l, r, span);
    if (lt->kind == TY_PTR && rt->kind == TY_PTR) {
      if (!ty_compatible(lt->base, rt->base)) return invalid_operands(p, op, l, r, span);
      if (!pointee_size_ok(p, lt, span)) return error_node(p, span);
      nd_node *d = make(p, ND_SUB, ck_cast(p, l, p->b.llong), ck_cast(p, r, p->b.llong), p->b.llong, span);
      uint32_t size = lt->base->size;
      if (size != 1) d = make(p, ND_DIV, d, ck_num(p, size, p->b.llong, span), p->b.llong, span);
      return d;
    }
    return invalid_operands(p, op, l, r, span);
  case ND_MUL: case ND_DIV: case ND_MOD: case ND_BITAND: case ND_BITOR: case ND_BITXOR:
    if (!lint || !rint) return invalid_operands(p, op, l, r, span);
    if ((kind == ND_DIV || kind == ND_MOD)) {
      int64_t v;
      if (ck_fold(p, r, &v) && v == 0) cx_warning(p->c, span, "lang.sem.divide_by_zero", (const char *)NULL);
    }
    break;
  case ND_SHL: case ND_SHR: {
    if (!lint || !rint) return invalid_operands(p, op, l, r, span);
    ty_type *t = ty_promote(&p->b, lt);
    return make(p, kind, ck_cast(p, l, t), ck_cast(p, r, ty_promote(&p->b, rt)), t, span);
  }
  case ND_EQ: case ND_NE: case ND_LT: case ND_LE: {
    if (lint && rint) {
      ty_type *t = ty_common(&p->b, lt, rt);
      return make(p, kind, ck_cast(p, l, t), ck_cast(p, r, t), p->b.int_, span);
    }
    if (lt->kind == TY_PTR || rt->kind == TY_PTR) {
      if (lt->kind == TY_PTR && rt->kind == TY_PTR) {
        if (!ty_compatible(lt->base, rt->base) && lt->base->kind != TY_VOID && rt->base->kind != TY_VOID)
          cx_warning(p->c, span, "lang.sem.pointer_mismatch", "from", tname(p, rt), "to", tname(p, lt), (const char *)NULL);
      } else if (!(kind == ND_EQ || kind == ND_NE) || !(ck_is_null_constant(l) || ck_is_null_constant(r))) {
        if (!ck_is_null_constant(l) && !ck_is_null_constant(r)) return invalid_operands(p, op, l, r, span);
      }
      return make(p, kind, ck_cast(p, l, p->b.ullong), ck_cast(p, r, p->b.ullong), p->b.int_, span);
    }
    return invalid_operands(p, op, l, r, span);
  }
  case ND_LOGAND: case ND_LOGOR:
    if (!ty_is_scalar(lt) || !ty_is_scalar(rt)) return invalid_operands(p, op, l, r, span);
    return make(p, kind, l, r, p->b.int_, span);
  default:
    return invalid_operands(p, op, l, r, span);
  }
  ty_type *t = ty_common(&p->b, lt, rt);
  return make(p, kind, ck_cast(p, l, t), ck_cast(p, r, t), t, span);
}

nd_node *ck_unary(ps *p, nd_kind kind, nd_node *e, fp_span span, const char *op) {
  e = ck_rvalue(p, e);
  if (is_error(e)) return error_node(p, span);
  if (kind == ND_NOT) {
    if (!ty_is_scalar(e->type)) return invalid_operands(p, op, e, NULL, span);
    return make(p, ND_NOT, e, NULL, p->b.int_, span);
  }
  if (!ty_is_integer(e->type)) return invalid_operands(p, op, e, NULL, span);
  ty_type *t = ty_promote(&p->b, e->type);
  return make(p, kind, ck_cast(p, e, t), NULL, t, span);
}

static int check_modifiable(ps *p, nd_node *l, fp_span span) {
  if (is_error(l)) return 0;
  if (!ck_is_lvalue(l)) {
    cx_error(p->c, l->span, "lang.sem.not_lvalue", (const char *)NULL);
    return 0;
  }
  if (l->type->kind == TY_ARRAY || l->type->kind == TY_FUNC) {
    cx_error(p->c, l->span, "lang.sem.assign_array", (const char *)NULL);
    return 0;
  }
  if (l->type->is_const) {
    const char *what = l->kind == ND_VAR ? l->var->name : l->kind == ND_MEMBER && l->member->name ? l->member->name : "";
    cx_error(p->c, span, "lang.sem.const_assign", "name", what, (const char *)NULL);
    return 0;
  }
  if (ty_is_record(l->type)) {
    for (ty_member *m = l->type->members; m; m = m->next)
      if (m->type->is_const) {
        cx_error(p->c, span, "lang.sem.const_assign", "name", m->name ? m->name : "", (const char *)NULL);
        return 0;
      }
  }
  return 1;
}

nd_node *ck_assign(ps *p, nd_node *l, nd_node *r, fp_span span) {
  if (!check_modifiable(p, l, span) || is_error(r)) return error_node(p, span);
  if (ty_is_record(l->type) && !l->type->complete) {
    cx_error(p->c, span, "lang.sem.incomplete_type", "name", "", "type", tname(p, l->type), (const char *)NULL);
    return error_node(p, span);
  }
  nd_node *v = ck_convert_for_assign(p, r, l->type, span, "assignment");
  if (is_error(v)) return error_node(p, span);
  nd_node *n = ck_new(p, ND_ASSIGN, span);
  n->lhs = l;
  n->rhs = v;
  n->type = ty_unqual(l->type);
  return n;
}

nd_node *ck_opassign(ps *p, nd_kind op, nd_node *l, nd_node *r, fp_span span, const char *opname) {
  if (!check_modifiable(p, l, span)) return error_node(p, span);
  r = ck_rvalue(p, r);
  if (is_error(r)) return error_node(p, span);
  ty_type *lt = l->type, *rt = r->type;
  nd_node *n = ck_new(p, ND_OPASSIGN, span);
  n->lhs = l;
  n->op = op;
  n->type = ty_unqual(lt);
  if (lt->kind == TY_PTR && (op == ND_ADD || op == ND_SUB) && ty_is_integer(rt)) {
    if (!pointee_size_ok(p, lt, span)) return error_node(p, span);
    nd_node *off = ck_cast(p, r, p->b.llong);
    if (lt->base->size != 1) off = make(p, ND_MUL, off, ck_num(p, lt->base->size, p->b.llong, span), p->b.llong, span);
    n->rhs = off;
    n->optype = p->b.ullong;
    return n;
  }
  if (!ty_is_integer(lt) || !ty_is_integer(rt) || ((op == ND_MOD || op >= ND_SHL) && (!ty_is_integer(lt) || !ty_is_integer(rt))))
    return invalid_operands(p, opname, l, r, span);
  if (op == ND_SHL || op == ND_SHR) {
    n->optype = ty_promote(&p->b, lt);
    n->rhs = ck_cast(p, r, ty_promote(&p->b, rt));
  } else {
    n->optype = ty_common(&p->b, lt, rt);
    n->rhs = ck_cast(p, r, n->optype);
    if (op == ND_DIV || op == ND_MOD) {
      int64_t v;
      if (ck_fold(p, n->rhs, &v) && v == 0) cx_warning(p->c, span, "lang.sem.divide_by_zero", (const char *)NULL);
    }
  }
  return n;
}

nd_node *ck_incdec(ps *p, nd_kind kind, nd_node *e, fp_span span) {
  if (!check_modifiable(p, e, span)) return error_node(p, span);
  if (!ty_is_scalar(e->type)) {
    cx_error(p->c, span, "lang.sem.invalid_operands", "op", kind == ND_PREINC || kind == ND_POSTINC ? "++" : "--",
             "left", tname(p, e->type), "right", "", (const char *)NULL);
    return error_node(p, span);
  }
  nd_node *n = ck_new(p, kind, span);
  n->lhs = e;
  n->type = ty_unqual(e->type);
  n->val = 1;
  if (e->type->kind == TY_PTR) {
    if (!pointee_size_ok(p, e->type, span)) return error_node(p, span);
    n->val = e->type->base->size;
  }
  return n;
}

nd_node *ck_deref(ps *p, nd_node *e, fp_span span) {
  e = ck_rvalue(p, e);
  if (is_error(e)) return error_node(p, span);
  if (e->type->kind != TY_PTR) {
    cx_error(p->c, span, "lang.sem.deref_non_pointer", "type", tname(p, e->type), (const char *)NULL);
    return error_node(p, span);
  }
  if (e->type->base->kind == TY_VOID) {
    cx_error(p->c, span, "lang.sem.deref_void", (const char *)NULL);
    return error_node(p, span);
  }
  if (e->type->base->kind == TY_FUNC) return e; /* *fp is the function itself */
  nd_node *n = ck_new(p, ND_DEREF, span);
  n->lhs = e;
  n->type = e->type->base;
  return n;
}

nd_node *ck_addr(ps *p, nd_node *e, fp_span span) {
  if (is_error(e)) return error_node(p, span);
  if (e->kind == ND_VAR && e->var->kind == SYM_FUNC) {
    nd_node *n = ck_new(p, ND_ADDR, span);
    n->lhs = e;
    n->type = ty_pointer_to(p->c, e->type);
    return n;
  }
  if (e->kind == ND_COMMA && ck_is_lvalue(e->rhs)) {
    /* &(TYPE){...}: the compound literal's initialisation, then its address */
    nd_node *c = ck_new(p, ND_COMMA, span);
    c->lhs = e->lhs;
    c->rhs = ck_addr(p, e->rhs, span);
    c->type = c->rhs->type;
    return c;
  }
  if (!ck_is_lvalue(e)) {
    cx_error(p->c, span, "lang.sem.addr_of_rvalue", (const char *)NULL);
    return error_node(p, span);
  }
  if (e->kind == ND_MEMBER && e->member->is_bitfield) {
    cx_error(p->c, span, "lang.sem.addr_of_bitfield", (const char *)NULL);
    return error_node(p, span);
  }
  if (e->kind == ND_DEREF) {
    /* &*p is p (with the pointer's type) */
    nd_node *n = ck_new(p, ND_ADDR, span);
    n->lhs = e;
    n->type = ty_pointer_to(p->c, e->type);
    return n;
  }
  for (nd_node *b = e; b; b = b->kind == ND_MEMBER ? b->lhs : NULL)
    if (b->kind == ND_VAR && b->var->is_local) b->var->addr_taken = 1;
  nd_node *n = ck_new(p, ND_ADDR, span);
  n->lhs = e;
  n->type = ty_pointer_to(p->c, e->type);
  return n;
}

nd_node *ck_member(ps *p, nd_node *base, const char *name, fp_span span, int arrow) {
  if (is_error(base)) return error_node(p, span);
  if (arrow) {
    base = ck_rvalue(p, base);
    if (base->type->kind != TY_PTR || !ty_is_record(base->type->base)) {
      cx_error(p->c, span, "lang.sem.arrow_non_pointer", "name", name, "type", tname(p, base->type), (const char *)NULL);
      return error_node(p, span);
    }
    nd_node *d = ck_new(p, ND_DEREF, base->span);
    d->lhs = base;
    d->type = base->type->base;
    base = d;
  } else if (!ty_is_record(base->type)) {
    cx_error(p->c, span, "lang.sem.dot_non_struct", "name", name, "type", tname(p, base->type), (const char *)NULL);
    return error_node(p, span);
  }
  ty_type *st = base->type;
  if (!st->complete) {
    cx_error(p->c, span, "lang.sem.incomplete_type", "name", name, "type", tname(p, st), (const char *)NULL);
    return error_node(p, span);
  }
  uint32_t offset = 0;
  ty_member *m = ty_find_member(st, name, &offset);
  if (!m) {
    cx_error(p->c, span, "lang.sem.no_member", "name", name, "type", tname(p, st), (const char *)NULL);
    return error_node(p, span);
  }
  nd_node *n = ck_new(p, ND_MEMBER, cx_join(base->span, span));
  n->lhs = base;
  n->member = m;
  n->offset = offset;
  n->type = st->is_const ? ty_qualified(p->c, m->type, 1, 0) : m->type;
  return n;
}
