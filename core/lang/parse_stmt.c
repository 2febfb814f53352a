/* parse_stmt.c: statements and local declarations (C11 6.8, with MSVC's structured exception
 * handling: __try/__except/__finally/__leave). */
#include <stdio.h>
#include <string.h>

#include "lang/parse.h"

static nd_node *stmt(ps *p);

static nd_node *node(ps *p, nd_kind kind, fp_span span) {
  nd_node *n = ck_new(p, kind, span);
  n->type = p->b.void_;
  return n;
}

/* The span from `start` to the previous token. */
static fp_span upto_prev(ps *p, fp_span start) { return p->prev ? cx_join(start, p->prev->span) : start; }

static void end_stmt(ps *p) {
  if (!ps_expect(p, P_SEMI)) ps_sync(p);
}

static nd_node *condition(ps *p) {
  if (!ps_expect(p, P_LPAREN)) {
    ps_sync(p);
    return NULL;
  }
  nd_node *e = ps_expr(p);
  if (!ps_expect(p, P_RPAREN)) {
    while (p->tok->kind != TK_EOF && !ps_is(p, P_RPAREN) && !ps_is(p, P_LBRACE) && !ps_is(p, P_SEMI)) ps_next(p);
    ps_accept(p, P_RPAREN);
  }
  return ck_condition(p, e);
}

/* ---- Local declarations ------------------------------------------------------------------------------ */

void ps_local_declaration(ps *p, nd_node **tail) {
  fp_span start = p->tok->span;
  ps_declspec d = ps_parse_declspec(p);
  if (ps_accept(p, P_SEMI)) return;
  for (int first = 1;; first = 0) {
    if (!first && !ps_accept(p, P_COMMA)) break;
    const char *name = NULL;
    fp_span ns = p->tok->span;
    ty_type *t = ps_declarator(p, d.type, &name, &ns, NULL);
    if (!name) {
      ps_error_expected(p, "a name");
      ps_sync(p);
      return;
    }
    sym *prev = ps_lookup_here(p, name);
    if (prev && !(t->kind == TY_FUNC && prev->kind == SYM_FUNC) && !(d.is_extern && prev->kind == SYM_VAR)) {
      cx_error(p->c, ns, "lang.sem.redefinition", "name", name, (const char *)NULL);
      if (ps_accept(p, P_ASSIGN)) ps_assign(p);
      continue;
    }
    if (d.is_typedef) {
      sym *s = ps_new_sym(p, SYM_TYPEDEF, name, ty_named(p->c, t, name), ns);
      ps_declare(p, s);
      continue;
    }
    if (t->kind == TY_FUNC) {
      sym *g = ps_lookup(p, name);
      if (!g || g->kind != SYM_FUNC) {
        g = ps_new_sym(p, SYM_FUNC, name, t, ns);
        g->fn = FN_DRIVER;
        ps_declare(p, g);
      } else {
        ps_declare(p, g);
      }
      continue;
    }
    if (t->kind == TY_VOID) {
      cx_error(p->c, ns, "lang.sem.void_variable", "name", name, (const char *)NULL);
      if (ps_accept(p, P_ASSIGN)) ps_assign(p);
      continue;
    }
    if (d.is_extern) {
      sym *g = ps_global_var(p, name, t, ns);
      g->is_extern = 1;
      ps_declare(p, g);
      continue;
    }
    if (d.is_static) {
      sym *g = ps_global_var(p, name, t, ns);
      g->is_static = 1;
      ps_declare(p, g);
      if (ps_accept(p, P_ASSIGN)) {
        ps_global_init(p, g);
        if (!g->is_defined) ps_allocate_global(p, g);
      } else {
        if (!g->type->complete) {
          cx_error(p->c, ns, "lang.sem.incomplete_type", "name", name, "type", ty_str(p->c, g->type), (const char *)NULL);
          continue;
        }
        ps_allocate_global(p, g);
      }
      continue;
    }
    sym *s = ps_new_sym(p, SYM_VAR, name, t, ns);
    s->is_local = 1;
    ps_declare(p, s);
    ps_add_local(p, s);
    if (ps_accept(p, P_ASSIGN)) {
      nd_node *decl = node(p, ND_DECL, ns);
      decl->var = s;
      nd_node *body = NULL, **btail = &body;
      ps_local_init(p, s, btail);
      decl->body = body;
      decl->span = upto_prev(p, start);
      *tail = decl;
      tail = &decl->next;
      /* later declarators of the same declaration get their own spans */
      start = p->tok->span;
    } else if (!t->complete) {
      cx_error(p->c, ns, "lang.sem.incomplete_type", "name", name, "type", ty_str(p->c, t), (const char *)NULL);
    } else {
      nd_node *decl = node(p, ND_DECL, ns);
      decl->var = s;
      *tail = decl;
      tail = &decl->next;
    }
  }
  end_stmt(p);
}

/* ---- Statements --------------------------------------------------------------------------------------- */

nd_node *ps_compound(ps *p) {
  nd_node *b = node(p, ND_BLOCK, p->tok->span);
  if (!ps_expect(p, P_LBRACE)) {
    ps_sync(p);
    return b;
  }
  ps_push_scope(p);
  nd_node head = { 0 }, *cur = &head;
  while (!ps_is(p, P_RBRACE) && p->tok->kind != TK_EOF) {
    cx_resync(p->c);
    if (ps_declspec_start(p) && !(p->tok->kind == TK_IDENT && lx_is(p->tok->next, P_COLON))) {
      nd_node *decls = NULL;
      ps_local_declaration(p, &decls);
      for (nd_node *d = decls; d; d = d->next) cur = cur->next = d;
      continue;
    }
    nd_node *s = stmt(p);
    if (s) cur = cur->next = s;
  }
  cx_resync(p->c);
  b->span = cx_join(b->span, p->tok->span);
  ps_expect(p, P_RBRACE);
  ps_pop_scope(p);
  b->body = head.next;
  return b;
}

static nd_node *if_stmt(ps *p, fp_span s) {
  ps_next(p);
  nd_node *n = node(p, ND_IF, s);
  n->cond = condition(p);
  n->span = upto_prev(p, s);
  n->then = stmt(p);
  if (ps_kw(p, KW_ELSE)) {
    ps_next(p);
    n->els = stmt(p);
  }
  if (!n->cond) n->cond = ck_num(p, 0, p->b.int_, s);
  return n;
}

static nd_node *loop_body(ps *p) {
  p->loops++;
  nd_node *b = stmt(p);
  p->loops--;
  return b;
}

static nd_node *for_stmt(ps *p, fp_span s) {
  ps_next(p);
  nd_node *n = node(p, ND_FOR, s);
  if (!ps_expect(p, P_LPAREN)) {
    ps_sync(p);
    return n;
  }
  ps_push_scope(p);
  if (ps_declspec_start(p)) {
    nd_node *decls = NULL;
    ps_local_declaration(p, &decls);
    if (decls) {
      nd_node *b = node(p, ND_BLOCK, decls->span);
      b->body = decls;
      n->init = b;
    }
  } else if (!ps_is(p, P_SEMI)) {
    nd_node *e = node(p, ND_EXPR, p->tok->span);
    e->lhs = ps_expr(p);
    e->span = e->lhs->span;
    n->init = e;
    end_stmt(p);
  } else {
    ps_next(p);
  }
  if (!ps_is(p, P_SEMI)) n->cond = ck_condition(p, ps_expr(p));
  if (!ps_expect(p, P_SEMI)) {
    ps_sync(p);
    ps_pop_scope(p);
    return n;
  }
  if (!ps_is(p, P_RPAREN)) n->inc = ps_expr(p);
  if (!ps_expect(p, P_RPAREN)) {
    while (p->tok->kind != TK_EOF && !ps_is(p, P_RPAREN) && !ps_is(p, P_LBRACE)) ps_next(p);
    ps_accept(p, P_RPAREN);
  }
  n->span = upto_prev(p, s);
  n->then = loop_body(p);
  ps_pop_scope(p);
  return n;
}

static nd_node *switch_stmt(ps *p, fp_span s) {
  ps_next(p);
  nd_node *n = node(p, ND_SWITCH, s);
  nd_node *e = condition(p);
  n->span = upto_prev(p, s);
  if (e && e->type->kind != TY_ERROR) {
    if (!ty_is_integer(e->type)) {
      cx_error(p->c, e->span, "lang.sem.switch_type", "type", ty_str(p->c, e->type), (const char *)NULL);
      e = NULL;
    } else {
      e = ck_cast(p, e, ty_promote(&p->b, e->type));
    }
  }
  n->cond = e ? e : ck_num(p, 0, p->b.int_, s);
  nd_node *saved = p->cur_switch;
  p->cur_switch = n;
  p->switches++;
  n->then = stmt(p);
  p->switches--;
  p->cur_switch = saved;
  return n;
}

static nd_node *case_stmt(ps *p, fp_span s, int is_default) {
  ps_next(p);
  nd_node *n = node(p, ND_CASE, s);
  n->is_default = (uint8_t)is_default;
  if (!is_default) {
    fp_span es;
    int ok;
    int64_t v = ps_const_expr(p, &es, &ok);
    n->val = v;
    if (p->cur_switch && ok) n->val = ck_wrap(p->cur_switch->cond->type, v);
  }
  fp_span head = upto_prev(p, s);
  if (!ps_expect(p, P_COLON)) {
    ps_sync(p);
    return NULL;
  }
  if (!p->cur_switch) {
    cx_error(p->c, head, is_default ? "lang.sem.default_outside" : "lang.sem.case_outside", (const char *)NULL);
  } else {
    for (nd_node *c = p->cur_switch->cases; c; c = c->case_next) {
      if (is_default && c->is_default) {
        cx_error(p->c, head, "lang.sem.duplicate_default", (const char *)NULL);
        break;
      }
      if (!is_default && !c->is_default && c->val == n->val) {
        char v[32];
        snprintf(v, sizeof v, "%lld", (long long)n->val);
        cx_error(p->c, head, "lang.sem.duplicate_case", "value", v, (const char *)NULL);
        break;
      }
    }
    n->case_next = p->cur_switch->cases;
    p->cur_switch->cases = n;
  }
  cx_resync(p->c);
  if (ps_is(p, P_RBRACE)) n->then = node(p, ND_NOP, head);
  else n->then = stmt(p);
  return n;
}

static nd_node *return_stmt(ps *p, fp_span s) {
  ps_next(p);
  nd_node *n = node(p, ND_RETURN, s);
  ty_type *ret = p->fn->type->base;
  if (!ps_is(p, P_SEMI)) {
    nd_node *e = ps_expr(p);
    if (ret->kind == TY_VOID) {
      if (e->type->kind != TY_VOID && e->type->kind != TY_ERROR)
        cx_error(p->c, e->span, "lang.sem.return_value_in_void", "name", p->fn->name, (const char *)NULL);
    } else {
      n->lhs = ck_convert_for_assign(p, e, ret, e->span, "return");
    }
  } else if (ret->kind != TY_VOID && ret->kind != TY_ERROR) {
    cx_error(p->c, s, "lang.sem.return_no_value", "name", p->fn->name, (const char *)NULL);
  }
  n->span = cx_join(s, p->tok->span);
  end_stmt(p);
  return n;
}

static nd_node *try_stmt(ps *p, fp_span s) {
  ps_next(p);
  ps_try *t = ar_alloc(&p->c->ar, sizeof *t);
  nd_node *n = node(p, ND_TRY_EXCEPT, s);
  t->node = n;
  t->up = p->tries;
  p->tries = t;
  n->then = ps_compound(p);
  p->tries = t->up;
  if (ps_kw(p, KW_EXCEPT)) {
    fp_span es = p->tok->span;
    ps_next(p);
    if (!ps_expect(p, P_LPAREN)) {
      ps_sync(p);
      return n;
    }
    p->in_filter++;
    nd_node *f = ps_expr(p);
    p->in_filter--;
    n->cond = ck_condition(p, f);
    if (n->cond->type->kind != TY_ERROR) n->cond = ck_cast(p, n->cond, p->b.int_);
    n->cond->span = cx_join(es, p->tok->span);
    if (!ps_expect(p, P_RPAREN)) {
      ps_sync(p);
      return n;
    }
    p->in_handler++;
    n->els = ps_compound(p);
    p->in_handler--;
    return n;
  }
  if (ps_kw(p, KW_FINALLY)) {
    n->kind = ND_TRY_FINALLY;
    ps_next(p);
    p->in_finally++;
    n->els = ps_compound(p);
    p->in_finally--;
    return n;
  }
  ps_error_expected(p, "'__except' or '__finally'");
  return n;
}

static nd_node *stmt(ps *p) {
  ps_enter(p);
  cx_resync(p->c);
  fp_span s = p->tok->span;
  nd_node *n = NULL;
  lx_token *t = p->tok;
  if (t->kind == TK_KEYWORD) {
    switch (t->id) {
    case KW_IF: n = if_stmt(p, s); break;
    case KW_WHILE: {
      ps_next(p);
      n = node(p, ND_FOR, s);
      n->cond = condition(p);
      n->span = upto_prev(p, s);
      n->then = loop_body(p);
      break;
    }
    case KW_DO: {
      ps_next(p);
      n = node(p, ND_DO, s);
      n->then = loop_body(p);
      fp_span ws = p->tok->span;
      if (!ps_kw(p, KW_WHILE)) {
        ps_error_expected(p, "'while'");
        ps_sync(p);
        break;
      }
      ps_next(p);
      n->cond = condition(p);
      n->span = cx_join(ws, p->tok->span);
      end_stmt(p);
      break;
    }
    case KW_FOR: n = for_stmt(p, s); break;
    case KW_SWITCH: n = switch_stmt(p, s); break;
    case KW_CASE: n = case_stmt(p, s, 0); break;
    case KW_DEFAULT: n = case_stmt(p, s, 1); break;
    case KW_BREAK: case KW_CONTINUE: {
      int brk = t->id == KW_BREAK;
      ps_next(p);
      n = node(p, brk ? ND_BREAK : ND_CONTINUE, cx_join(s, p->tok->span));
      if (brk ? (p->loops == 0 && p->switches == 0) : p->loops == 0)
        cx_error(p->c, s, brk ? "lang.sem.break_outside" : "lang.sem.continue_outside", (const char *)NULL);
      end_stmt(p);
      break;
    }
    case KW_RETURN: n = return_stmt(p, s); break;
    case KW_GOTO: {
      ps_next(p);
      n = node(p, ND_GOTO, s);
      if (p->tok->kind != TK_IDENT) {
        ps_error_expected(p, "a label");
        ps_sync(p);
        break;
      }
      n->name = p->tok->name;
      n->trychain = p->tries;
      n->case_next = p->gotos;
      p->gotos = n;
      ps_next(p);
      n->span = cx_join(s, p->tok->span);
      end_stmt(p);
      break;
    }
    case KW_TRY: n = try_stmt(p, s); break;
    case KW_LEAVE: {
      ps_next(p);
      n = node(p, ND_LEAVE, cx_join(s, p->tok->span));
      if (!p->tries) cx_error(p->c, s, "lang.sem.leave_outside", (const char *)NULL);
      else n->target = p->tries->node;
      end_stmt(p);
      break;
    }
    case KW_EXCEPT: case KW_FINALLY: case KW_ELSE:
      cx_error(p->c, s, "lang.parse.unexpected", "found", lx_keyword_text((lx_keyword)t->id), (const char *)NULL);
      ps_next(p);
      if (ps_is(p, P_LPAREN)) ps_sync(p);
      n = NULL;
      break;
    default:
      break;
    }
    if (t->kind == TK_KEYWORD && (n || t != p->tok)) {
      ps_leave(p);
      return n;
    }
  }
  if (ps_is(p, P_LBRACE)) {
    n = ps_compound(p);
    ps_leave(p);
    return n;
  }
  if (ps_is(p, P_SEMI)) {
    ps_next(p);
    ps_leave(p);
    return node(p, ND_NOP, s);
  }
  if (t->kind == TK_IDENT && lx_is(t->next, P_COLON)) {
    n = node(p, ND_LABEL, s);
    n->name = t->name;
    n->trychain = p->tries;
    for (nd_node *l = p->labels; l; l = l->case_next)
      if (l->name == n->name) {
        cx_error(p->c, s, "lang.sem.duplicate_label", "name", n->name, (const char *)NULL);
        break;
      }
    n->case_next = p->labels;
    p->labels = n;
    ps_next(p);
    ps_next(p);
    cx_resync(p->c);
    n->then = ps_is(p, P_RBRACE) ? node(p, ND_NOP, s) : stmt(p);
    ps_leave(p);
    return n;
  }
  n = node(p, ND_EXPR, s);
  n->lhs = ps_expr(p);
  n->span = cx_join(s, n->lhs->span);
  end_stmt(p);
  ps_leave(p);
  return n;
}

void ps_check_labels(ps *p) {
  for (nd_node *g = p->gotos; g; g = g->case_next) {
    nd_node *target = NULL;
    for (nd_node *l = p->labels; l; l = l->case_next)
      if (l->name == g->name) target = l;
    cx_resync(p->c);
    if (!target) {
      cx_error(p->c, g->span, "lang.sem.undefined_label", "name", g->name, (const char *)NULL);
      continue;
    }
    g->target = target;
    /* a jump into a __try block is not allowed (every try around the label must be around
     * the goto too) */
    for (ps_try *lt = target->trychain; lt; lt = lt->up) {
      int found = 0;
      for (ps_try *gt = g->trychain; gt; gt = gt->up)
        if (gt->node == lt->node) found = 1;
      if (!found) {
        cx_error(p->c, g->span, "lang.sem.goto_into_try", "name", g->name, (const char *)NULL);
        break;
      }
    }
  }
  cx_resync(p->c);
}
