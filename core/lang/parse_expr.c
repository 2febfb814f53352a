/* parse_expr.c: expressions, by precedence (C11 6.5), typed through check.c. */
#include <stdio.h>
#include <string.h>

#include "lang/code.h"
#include "lang/intrinsic.h"
#include "lang/parse.h"

static nd_node *cast_expr(ps *p);
static nd_node *unary(ps *p);

static fp_span here(ps *p) { return p->tok->span; }

static nd_node *err(ps *p, fp_span s) {
  nd_node *n = ck_new(p, ND_NUM, s);
  n->type = p->b.error;
  return n;
}

nd_node *ps_expr(ps *p) {
  nd_node *n = ps_assign(p);
  while (ps_is(p, P_COMMA)) {
    ps_next(p);
    nd_node *r = ps_assign(p);
    nd_node *c = ck_new(p, ND_COMMA, cx_join(n->span, r->span));
    c->lhs = n;
    c->rhs = ck_rvalue(p, r);
    c->type = c->rhs->type;
    n = c;
  }
  return n;
}

static nd_kind assign_op(const lx_token *t, const char **name) {
  if (t->kind != TK_PUNCT) return ND_NOP;
  *name = lx_punct_text((lx_punct)t->id);
  switch (t->id) {
  case P_ADD_ASSIGN: return ND_ADD;
  case P_SUB_ASSIGN: return ND_SUB;
  case P_MUL_ASSIGN: return ND_MUL;
  case P_DIV_ASSIGN: return ND_DIV;
  case P_MOD_ASSIGN: return ND_MOD;
  case P_AND_ASSIGN: return ND_BITAND;
  case P_OR_ASSIGN: return ND_BITOR;
  case P_XOR_ASSIGN: return ND_BITXOR;
  case P_SHL_ASSIGN: return ND_SHL;
  case P_SHR_ASSIGN: return ND_SHR;
  default: return ND_NOP;
  }
}

nd_node *ps_assign(ps *p) {
  ps_enter(p);
  nd_node *l = ps_cond(p);
  if (ps_is(p, P_ASSIGN)) {
    fp_span s = here(p);
    ps_next(p);
    nd_node *r = ps_assign(p);
    ps_leave(p);
    return ck_assign(p, l, r, cx_join(l->span, cx_join(s, r->span)));
  }
  const char *name = "";
  nd_kind op = assign_op(p->tok, &name);
  if (op != ND_NOP) {
    ps_next(p);
    nd_node *r = ps_assign(p);
    ps_leave(p);
    return ck_opassign(p, op, l, r, cx_join(l->span, r->span), name);
  }
  ps_leave(p);
  return l;
}

/* The type of `a ? b : c` and b, c converted to it. */
static nd_node *conditional(ps *p, nd_node *c, nd_node *a, nd_node *b, fp_span span) {
  a = ck_rvalue(p, a);
  b = ck_rvalue(p, b);
  nd_node *n = ck_new(p, ND_COND, span);
  n->cond = ck_condition(p, c);
  ty_type *at = a->type, *bt = b->type;
  if (at->kind == TY_ERROR || bt->kind == TY_ERROR || n->cond->type->kind == TY_ERROR) return err(p, span);
  ty_type *t;
  if (ty_is_integer(at) && ty_is_integer(bt)) t = ty_common(&p->b, at, bt);
  else if (at->kind == TY_VOID && bt->kind == TY_VOID) t = p->b.void_;
  else if (at->kind == TY_PTR && (bt->kind == TY_PTR || ck_is_null_constant(b))) t = (bt->kind == TY_PTR && at->base->kind == TY_VOID) ? bt : at;
  else if (bt->kind == TY_PTR && ck_is_null_constant(a)) t = bt;
  else if (ty_is_record(at) && ty_compatible(at, bt)) t = at;
  else {
    cx_error(p->c, span, "lang.sem.invalid_operands", "op", "?:", "left", ty_str(p->c, at), "right", ty_str(p->c, bt),
             (const char *)NULL);
    return err(p, span);
  }
  n->then = t->kind == TY_VOID || ty_is_record(t) ? a : ck_cast(p, a, t);
  n->els = t->kind == TY_VOID || ty_is_record(t) ? b : ck_cast(p, b, t);
  n->type = t;
  int64_t v;
  if (ck_fold(p, n->cond, &v) && ty_is_integer(t)) {
    int64_t r;
    if (ck_fold(p, v ? n->then : n->els, &r)) return ck_num(p, r, t, span);
  }
  return n;
}

nd_node *ps_cond(ps *p);

static int binary_prec(const lx_token *t, nd_kind *kind, int *swap) {
  *swap = 0;
  if (t->kind != TK_PUNCT) return -1;
  switch (t->id) {
  case P_STAR: *kind = ND_MUL; return 10;
  case P_SLASH: *kind = ND_DIV; return 10;
  case P_PERCENT: *kind = ND_MOD; return 10;
  case P_PLUS: *kind = ND_ADD; return 9;
  case P_MINUS: *kind = ND_SUB; return 9;
  case P_SHL: *kind = ND_SHL; return 8;
  case P_SHR: *kind = ND_SHR; return 8;
  case P_LT: *kind = ND_LT; return 7;
  case P_LE: *kind = ND_LE; return 7;
  case P_GT: *kind = ND_LT; *swap = 1; return 7;
  case P_GE: *kind = ND_LE; *swap = 1; return 7;
  case P_EQ: *kind = ND_EQ; return 6;
  case P_NE: *kind = ND_NE; return 6;
  case P_AMP: *kind = ND_BITAND; return 5;
  case P_CARET: *kind = ND_BITXOR; return 4;
  case P_PIPE: *kind = ND_BITOR; return 3;
  case P_LAND: *kind = ND_LOGAND; return 2;
  case P_LOR: *kind = ND_LOGOR; return 1;
  default: return -1;
  }
}

static nd_node *binary(ps *p, int min) {
  nd_node *l = cast_expr(p);
  for (;;) {
    nd_kind kind = ND_NOP;
    int swap;
    lx_token *op = p->tok;
    int prec = binary_prec(op, &kind, &swap);
    if (prec < min) return l;
    ps_next(p);
    ps_enter(p);
    nd_node *r = binary(p, prec + 1);
    ps_leave(p);
    fp_span span = cx_join(l->span, r->span);
    const char *name = lx_punct_text((lx_punct)op->id);
    if (kind == ND_LOGAND || kind == ND_LOGOR) {
      l = ck_binary(p, kind, ck_condition(p, l), ck_condition(p, r), span, name);
      continue;
    }
    l = swap ? ck_binary(p, kind, r, l, span, name) : ck_binary(p, kind, l, r, span, name);
  }
}

nd_node *ps_cond(ps *p) {
  nd_node *c = binary(p, 1);
  if (!ps_is(p, P_QUESTION)) return c;
  ps_next(p);
  ps_enter(p);
  nd_node *a = ps_expr(p);
  if (!ps_expect(p, P_COLON)) {
    ps_leave(p);
    return err(p, c->span);
  }
  nd_node *b = ps_cond(p);
  ps_leave(p);
  return conditional(p, c, a, b, cx_join(c->span, b->span));
}

int64_t ps_const_expr(ps *p, fp_span *span, int *ok) {
  nd_node *n = ps_cond(p);
  *span = n->span;
  int64_t v = 0;
  *ok = 0;
  if (n->type->kind == TY_ERROR) return 0;
  if (!ty_is_integer(n->type) || !ck_fold(p, n, &v)) {
    cx_error(p->c, n->span, "lang.sem.not_constant", (const char *)NULL);
    return 0;
  }
  *ok = 1;
  return v;
}

/* ---- Casts and unary operators ---------------------------------------------------------------------- */

static int starts_type_name(ps *p) { return ps_is(p, P_LPAREN) && ps_is_typename(p, p->tok->next); }

static nd_node *compound_literal(ps *p, ty_type *t, fp_span s);

static nd_node *cast_expr(ps *p) {
  if (starts_type_name(p)) {
    fp_span s = here(p);
    ps_next(p);
    ty_type *t = ps_type_name(p);
    ps_expect(p, P_RPAREN);
    if (ps_is(p, P_LBRACE)) return compound_literal(p, t, s);
    ps_enter(p);
    nd_node *e = cast_expr(p);
    ps_leave(p);
    fp_span span = cx_join(s, e->span);
    if (t->kind == TY_ERROR || e->type->kind == TY_ERROR) return err(p, span);
    e = ck_rvalue(p, e);
    if (t->kind != TY_VOID && (!ty_is_scalar(t) || !ty_is_scalar(e->type))) {
      cx_error(p->c, span, "lang.sem.bad_cast", "from", ty_str(p->c, e->type), "to", ty_str(p->c, t), (const char *)NULL);
      return err(p, span);
    }
    nd_node *c = ck_cast(p, e, t);
    c->span = span;
    return c;
  }
  return unary(p);
}

static nd_node *size_of(ps *p, ty_type *t, fp_span s) {
  if (t->kind == TY_ERROR) return err(p, s);
  if (!t->complete || t->kind == TY_FUNC || t->kind == TY_VOID) {
    cx_error(p->c, s, "lang.sem.sizeof_incomplete", "type", ty_str(p->c, t), (const char *)NULL);
    return err(p, s);
  }
  return ck_num(p, t->size, p->b.size_t_, s);
}

static nd_node *postfix(ps *p);

static nd_node *unary(ps *p) {
  fp_span s = here(p);
  ps_enter(p);
  nd_node *r;
  if (ps_kw(p, KW_SIZEOF) || ps_kw(p, KW_ALIGNOF) || ps_kw(p, KW_ALIGNOF2)) {
    int align = !ps_kw(p, KW_SIZEOF);
    ps_next(p);
    ty_type *t;
    if (starts_type_name(p)) {
      ps_next(p);
      t = ps_type_name(p);
      fp_span e = here(p);
      ps_expect(p, P_RPAREN);
      s = cx_join(s, e);
    } else {
      nd_node *e = unary(p);
      t = e->type;
      s = cx_join(s, e->span);
      if (e->kind == ND_MEMBER && e->member->is_bitfield) {
        cx_error(p->c, s, "lang.sem.sizeof_bitfield", (const char *)NULL);
        t = p->b.error;
      }
    }
    r = align ? (t->kind == TY_ERROR ? err(p, s) : ck_num(p, t->align, p->b.size_t_, s)) : size_of(p, t, s);
    ps_leave(p);
    return r;
  }
  lx_token *t = p->tok;
  if (t->kind == TK_PUNCT) {
    switch (t->id) {
    case P_PLUS: case P_MINUS: case P_TILDE: case P_BANG: {
      ps_next(p);
      nd_node *e = cast_expr(p);
      fp_span span = cx_join(s, e->span);
      if (t->id == P_PLUS) {
        r = ck_unary(p, ND_BITNOT, e, span, "+");
        if (r->kind == ND_BITNOT) r = r->lhs; /* +x is x promoted */
        else if (r->kind == ND_NUM && r->type->kind != TY_ERROR) r = ck_cast(p, ck_rvalue(p, e), ty_promote(&p->b, ck_rvalue(p, e)->type));
      } else {
        r = ck_unary(p, t->id == P_MINUS ? ND_NEG : t->id == P_TILDE ? ND_BITNOT : ND_NOT, e, span, lx_punct_text((lx_punct)t->id));
      }
      ps_leave(p);
      return r;
    }
    case P_AMP: {
      ps_next(p);
      nd_node *e = cast_expr(p);
      r = ck_addr(p, e, cx_join(s, e->span));
      ps_leave(p);
      return r;
    }
    case P_STAR: {
      ps_next(p);
      nd_node *e = cast_expr(p);
      r = ck_deref(p, e, cx_join(s, e->span));
      ps_leave(p);
      return r;
    }
    case P_INC: case P_DEC: {
      ps_next(p);
      nd_node *e = unary(p);
      r = ck_incdec(p, t->id == P_INC ? ND_PREINC : ND_PREDEC, e, cx_join(s, e->span));
      ps_leave(p);
      return r;
    }
    default:
      break;
    }
  }
  r = postfix(p);
  ps_leave(p);
  return r;
}

/* ---- Postfix: calls, subscripts, members ------------------------------------------------------------ */

static nd_node *call(ps *p, nd_node *callee, sym *direct) {
  fp_span open = here(p);
  ps_next(p); /* ( */
  nd_node head = { 0 }, *cur = &head;
  int n = 0;
  if (!ps_is(p, P_RPAREN)) {
    for (;;) {
      nd_node *a = ps_assign(p);
      cur = cur->next = a;
      n++;
      if (!ps_accept(p, P_COMMA)) break;
    }
  }
  fp_span close = here(p);
  if (!ps_expect(p, P_RPAREN)) return err(p, callee->span);
  fp_span span = cx_join(callee->span, close);
  (void)open;
  ty_type *ft = NULL;
  if (direct) {
    ft = direct->type;
  } else {
    callee = ck_rvalue(p, callee);
    if (callee->type->kind == TY_ERROR) return err(p, span);
    if (callee->type->kind != TY_PTR || callee->type->base->kind != TY_FUNC) {
      cx_error(p->c, callee->span, "lang.sem.call_non_function", "type", ty_str(p->c, callee->type), (const char *)NULL);
      return err(p, span);
    }
    ft = callee->type->base;
  }
  if (direct && direct->fn == FN_INTRINSIC) {
    if (direct->intrinsic == IN_EXCEPTION_CODE || direct->intrinsic == IN_ABNORMAL) {
      int ok = direct->intrinsic == IN_EXCEPTION_CODE ? p->in_filter || p->in_handler : p->in_finally;
      if (!ok) {
        cx_error(p->c, span, "lang.sem.intrinsic_context", "name", direct->name, (const char *)NULL);
        return err(p, span);
      }
      nd_node *x = ck_new(p, direct->intrinsic == IN_EXCEPTION_CODE ? ND_EXCEPTION_CODE : ND_ABNORMAL, span);
      x->type = direct->intrinsic == IN_EXCEPTION_CODE ? p->b.ulong : p->b.int_;
      return x;
    }
  }
  if (direct && direct->fn == FN_KERNEL && !direct->body && n > 8) {
    cx_error(p->c, span, "lang.sem.too_many_args", "name", direct->name, (const char *)NULL);
    return err(p, span);
  }
  if (ft->variadic && (!direct || direct->fn == FN_DRIVER) && n > ft->nparams + (int)VM_MAX_VARARGS) {
    cx_error(p->c, span, "lang.sem.unsupported", "what", "a call with more than 16 arguments after '...'", (const char *)NULL);
    return err(p, span);
  }
  if (!ft->no_prototype && (n < ft->nparams || (n > ft->nparams && !ft->variadic))) {
    char want[16], got[16];
    snprintf(want, sizeof want, "%d", ft->nparams);
    snprintf(got, sizeof got, "%d", n);
    cx_error(p->c, span, "lang.sem.arg_count", "name", direct ? direct->name : "(function pointer)", "expected", want,
             "got", got, (const char *)NULL);
    return err(p, span);
  }
  /* convert the arguments to the parameters' types (extra ones: default promotions) */
  nd_node ahead = { 0 }, *acur = &ahead;
  ty_param *pa = ft->params;
  int i = 0;
  nd_node *next;
  for (nd_node *a = head.next; a; a = next, i++) {
    next = a->next;
    nd_node *c;
    if (pa) {
      c = ck_convert_for_assign(p, a, pa->type, a->span, "argument");
      pa = pa->next;
    } else {
      nd_node *v = ck_rvalue(p, a);
      if (ty_is_record(v->type)) {
        cx_error(p->c, a->span, "lang.sem.unsupported", "what", "a structure passed to '...'", (const char *)NULL);
        c = err(p, a->span);
      } else {
        c = ty_is_integer(v->type) ? ck_cast(p, v, ty_promote(&p->b, v->type)) : v;
      }
    }
    if (c->type->kind == TY_VOID) cx_error(p->c, a->span, "lang.sem.void_value", (const char *)NULL);
    c->next = NULL;
    acur = acur->next = c;
  }
  nd_node *c = ck_new(p, ND_CALL, span);
  c->lhs = direct ? NULL : callee;
  c->var = direct;
  c->args = ahead.next;
  c->nargs = n;
  c->type = ft->base;
  if (ty_is_record(c->type) && !c->type->complete) {
    cx_error(p->c, span, "lang.sem.incomplete_type", "name", "", "type", ty_str(p->c, c->type), (const char *)NULL);
    return err(p, span);
  }
  return c;
}

static nd_node *primary(ps *p);

static nd_node *postfix(ps *p) {
  nd_node *n;
  sym *direct = NULL;
  if (p->tok->kind == TK_IDENT && lx_is(p->tok->next, P_LPAREN)) {
    /* a call by name: a function, or a variable holding a function pointer */
    lx_token *t = p->tok;
    sym *s = ps_lookup(p, t->name);
    if (!s) {
      cx_error(p->c, t->span, "lang.sem.unknown_routine", "name", t->name, (const char *)NULL);
      ps_next(p);
      /* skip the arguments */
      int depth = 0;
      do {
        if (ps_is(p, P_LPAREN)) depth++;
        else if (ps_is(p, P_RPAREN)) depth--;
        ps_next(p);
      } while (depth > 0 && p->tok->kind != TK_EOF && !ps_is(p, P_SEMI));
      return err(p, t->span);
    }
    if (s->kind == SYM_FUNC && s->name == p->n_exception_info && s->from_prelude) {
      cx_error(p->c, t->span, "lang.sem.unsupported", "what", "GetExceptionInformation", (const char *)NULL);
      ps_next(p);
      int depth = 0;
      do {
        if (ps_is(p, P_LPAREN)) depth++;
        else if (ps_is(p, P_RPAREN)) depth--;
        ps_next(p);
      } while (depth > 0 && p->tok->kind != TK_EOF && !ps_is(p, P_SEMI));
      return err(p, t->span);
    }
    if (s->kind == SYM_FUNC) {
      s->referenced = 1;
      if (!s->ref_span.line) s->ref_span = t->span;
      direct = s;
      n = ck_new(p, ND_VAR, t->span);
      n->var = s;
      n->type = s->type;
      ps_next(p);
      n = call(p, n, direct);
    } else {
      n = primary(p);
    }
  } else {
    n = primary(p);
  }
  for (;;) {
    fp_span s = here(p);
    if (ps_is(p, P_LPAREN)) {
      n = call(p, n, NULL);
      continue;
    }
    if (ps_is(p, P_LBRACKET)) {
      ps_next(p);
      nd_node *i = ps_expr(p);
      fp_span e = here(p);
      ps_expect(p, P_RBRACKET);
      fp_span span = cx_join(n->span, e);
      nd_node *base = ck_rvalue(p, n), *idx = ck_rvalue(p, i);
      if (base->type->kind != TY_PTR && idx->type->kind == TY_PTR) {
        nd_node *t = base;
        base = idx;
        idx = t;
      }
      if (base->type->kind != TY_PTR && base->type->kind != TY_ERROR && idx->type->kind != TY_ERROR) {
        cx_error(p->c, span, "lang.sem.subscript", "type", ty_str(p->c, base->type), (const char *)NULL);
        n = err(p, span);
        continue;
      }
      if (base->type->kind == TY_PTR && !ty_is_integer(idx->type) && idx->type->kind != TY_ERROR) {
        cx_error(p->c, i->span, "lang.sem.subscript_index", "type", ty_str(p->c, idx->type), (const char *)NULL);
        n = err(p, span);
        continue;
      }
      n = ck_deref(p, ck_binary(p, ND_ADD, base, idx, span, "[]"), span);
      n->span = span;
      continue;
    }
    if (ps_is(p, P_DOT) || ps_is(p, P_ARROW)) {
      int arrow = ps_is(p, P_ARROW);
      ps_next(p);
      if (p->tok->kind != TK_IDENT) {
        ps_error_expected(p, "a member name");
        return err(p, s);
      }
      n = ck_member(p, n, p->tok->name, p->tok->span, arrow);
      ps_next(p);
      continue;
    }
    if (ps_is(p, P_INC) || ps_is(p, P_DEC)) {
      int inc = ps_is(p, P_INC);
      ps_next(p);
      n = ck_incdec(p, inc ? ND_POSTINC : ND_POSTDEC, n, cx_join(n->span, s));
      continue;
    }
    return n;
  }
}

/* ---- Primary expressions ---------------------------------------------------------------------------- */

static nd_node *number(ps *p) {
  lx_token *t = p->tok;
  ps_next(p);
  lx_number n = lx_parse_number(t->text, t->len);
  if (n.floating) {
    cx_error(p->c, t->span, "lang.sem.float", (const char *)NULL);
    return err(p, t->span);
  }
  if (!n.ok) {
    char shown[48];
    snprintf(shown, sizeof shown, "%.*s", (int)(t->len > 40 ? 40 : t->len), t->text);
    cx_error(p->c, t->span, "lang.lex.bad_number", "text", shown, (const char *)NULL);
    return err(p, t->span);
  }
  ty_type *ty;
  if (n.rank == 2) ty = n.is_unsigned ? p->b.ullong : p->b.llong;
  else if (n.rank == 1) ty = n.is_unsigned ? p->b.ulong : p->b.long_;
  else ty = n.is_unsigned ? p->b.uint : p->b.int_;
  return ck_num(p, (int64_t)n.value, ty, t->span);
}

static nd_node *offsetof_expr(ps *p, fp_span s) {
  ps_next(p);
  if (!ps_expect(p, P_LPAREN)) return err(p, s);
  ty_type *t = ps_type_name(p);
  if (!ps_expect(p, P_COMMA)) return err(p, s);
  if (!ty_is_record(t)) {
    if (t->kind != TY_ERROR) cx_error(p->c, s, "lang.sem.dot_non_struct", "name", "", "type", ty_str(p->c, t), (const char *)NULL);
    while (p->tok->kind != TK_EOF && !ps_is(p, P_RPAREN)) ps_next(p);
    ps_accept(p, P_RPAREN);
    return err(p, s);
  }
  /* member designator: name (.name | [const])* */
  nd_node *base = ck_new(p, ND_DEREF, s);
  base->lhs = ck_num(p, 0, ty_pointer_to(p->c, t), s);
  base->type = t;
  nd_node *n = base;
  if (p->tok->kind != TK_IDENT) {
    ps_error_expected(p, "a member name");
    return err(p, s);
  }
  n = ck_member(p, n, p->tok->name, p->tok->span, 0);
  ps_next(p);
  for (;;) {
    if (ps_is(p, P_DOT)) {
      ps_next(p);
      if (p->tok->kind != TK_IDENT) {
        ps_error_expected(p, "a member name");
        return err(p, s);
      }
      n = ck_member(p, n, p->tok->name, p->tok->span, 0);
      ps_next(p);
      continue;
    }
    if (ps_is(p, P_LBRACKET)) {
      fp_span bs = here(p);
      ps_next(p);
      nd_node *i = ps_expr(p);
      ps_expect(p, P_RBRACKET);
      n = ck_deref(p, ck_binary(p, ND_ADD, n, i, bs, "[]"), bs);
      continue;
    }
    break;
  }
  fp_span e = here(p);
  ps_expect(p, P_RPAREN);
  if (n->type->kind == TY_ERROR) return err(p, s);
  if (n->kind == ND_MEMBER && n->member->is_bitfield) {
    cx_error(p->c, s, "lang.sem.addr_of_bitfield", (const char *)NULL);
    return err(p, s);
  }
  nd_node *a = ck_addr(p, n, s);
  int64_t v;
  if (!ck_fold(p, a, &v)) {
    cx_error(p->c, cx_join(s, e), "lang.sem.not_constant", (const char *)NULL);
    return err(p, s);
  }
  return ck_num(p, v, p->b.size_t_, cx_join(s, e));
}

static nd_node *compound_literal(ps *p, ty_type *t, fp_span s) {
  /* (TYPE){ ... }: an unnamed object with automatic storage (file scope: static) */
  sym *v;
  if (p->fn) {
    v = ps_new_sym(p, SYM_VAR, ar_intern(&p->c->names, "(compound literal)", 18), t, s);
    v->is_local = 1;
    ps_add_local(p, v);
    nd_node *init = NULL, **tail = &init;
    ps_local_init(p, v, tail);
    nd_node *c = ck_new(p, ND_COMMA, s);
    nd_node *seq = init ? init : ck_num(p, 0, p->b.int_, s);
    /* the initialisation statements are ND_EXPR nodes: join them with commas */
    nd_node *e = NULL;
    for (nd_node *st = seq; st; st = st->next) {
      nd_node *x = st->kind == ND_EXPR ? st->lhs : st;
      if (!e) e = x;
      else {
        nd_node *k = ck_new(p, ND_COMMA, s);
        k->lhs = e;
        k->rhs = x;
        k->type = x->type;
        e = k;
      }
    }
    nd_node *var = ck_new(p, ND_VAR, s);
    var->var = v;
    var->type = v->type;
    c->lhs = e;
    c->rhs = var;
    c->type = v->type;
    return c;
  }
  char name[32];
  snprintf(name, sizeof name, "(literal %u)", p->strings++);
  v = ps_global_var(p, ar_intern(&p->c->names, name, strlen(name)), t, s);
  v->is_static = 1;
  ps_global_init(p, v);
  if (!v->is_defined) ps_allocate_global(p, v);
  nd_node *var = ck_new(p, ND_VAR, s);
  var->var = v;
  var->type = v->type;
  return var;
}

static nd_node *primary(ps *p) {
  lx_token *t = p->tok;
  fp_span s = t->span;
  if (ps_is(p, P_LPAREN)) {
    ps_next(p);
    nd_node *e = ps_expr(p);
    fp_span close = here(p);
    if (!ps_expect(p, P_RPAREN)) return err(p, s);
    e->span = cx_join(s, close);
    return e;
  }
  if (t->kind == TK_NUM) return number(p);
  if (t->kind == TK_CHAR) {
    ps_next(p);
    int ok;
    int64_t v = lx_char_value(t, &ok);
    if (!ok && !(t->flags & TF_BROKEN)) {
      cx_error(p->c, s, "lang.lex.bad_char", (const char *)NULL);
      return err(p, s);
    }
    return ck_num(p, v, (t->flags & TF_WIDE) ? p->b.wchar : p->b.int_, s);
  }
  if (t->kind == TK_STR) return ps_string_literal(p);
  if (t->kind == TK_KEYWORD) {
    if (t->id == KW_FUNCTION || t->id == KW_FUNC) {
      /* __FUNCTION__: the name of the function as a string literal */
      const char *name = p->fn ? p->fn->name : "";
      lx_token *str = lx_make_string(p->c, name, strlen(name), t);
      str->next = t->next;
      p->tok = str;
      return ps_string_literal(p);
    }
    if (t->id == KW_OFFSETOF) return offsetof_expr(p, s);
  }
  if (t->kind == TK_IDENT) {
    sym *v = ps_lookup(p, t->name);
    ps_next(p);
    if (!v) {
      cx_error(p->c, s, "lang.sem.undeclared", "name", t->name, (const char *)NULL);
      return err(p, s);
    }
    if (v->kind == SYM_ENUM_CONST) return ck_num(p, v->value, p->b.int_, s);
    if (v->kind == SYM_TYPEDEF) {
      cx_error(p->c, s, "lang.parse.expected", "what", "an expression", "found", t->name, (const char *)NULL);
      return err(p, s);
    }
    v->referenced = 1;
    if (!v->ref_span.line) v->ref_span = s;
    v->used = 1;
    nd_node *n = ck_new(p, ND_VAR, s);
    n->var = v;
    n->type = v->type;
    return n;
  }
  if (t->kind == TK_EOF) ps_error_expected(p, "an expression");  /* silent after a truncation */
  else cx_error(p->c, s, "lang.parse.expected", "what", "an expression", "found",
                ar_strndup(&p->c->ar, t->text, t->len > 40 ? 40 : t->len), (const char *)NULL);
  if (!ps_is(p, P_SEMI) && !ps_is(p, P_RBRACE) && !ps_is(p, P_RPAREN)) ps_next(p);
  return err(p, s);
}
