/* parse_init.c: initialisers (C11 6.7.9): braces, brace elision, designators (.Field and
 * [index]), strings for character arrays, unsized arrays completed by their initialiser.
 * A local's initialiser becomes assignments (after zeroing an aggregate); a global's is
 * folded into bytes of the globals image, with relocations for addresses. String literals
 * become anonymous global arrays. */
#include <stdio.h>
#include <string.h>

#include "lang/parse.h"

typedef struct init {
  ty_type *type;
  nd_node *expr;            /* a scalar's (or a whole struct's) value */
  struct init **kids;       /* elements or members, by index */
  uint32_t nkids;
  const uint16_t *str;      /* a character array initialised by a string */
  uint32_t strlen_;         /* units, with the terminator */
  fp_span span;
} init;

static int member_count(ty_type *t) {
  int n = 0;
  for (ty_member *m = t->members; m; m = m->next) n++;
  return n;
}

static ty_member *member_at(ty_type *t, uint32_t i) {
  ty_member *m = t->members;
  while (m && i--) m = m->next;
  return m;
}

static init *new_init(ps *p, ty_type *t, fp_span span) {
  init *in = ar_alloc(&p->c->ar, sizeof *in);
  in->type = t;
  in->span = span;
  if (t->kind == TY_ARRAY) {
    in->nkids = t->complete ? t->array_len : 0;
    if (in->nkids) in->kids = ar_alloc(&p->c->ar, in->nkids * sizeof *in->kids);
  } else if (ty_is_record(t)) {
    in->nkids = (uint32_t)member_count(t);
    if (in->nkids) in->kids = ar_alloc(&p->c->ar, in->nkids * sizeof *in->kids);
  }
  return in;
}

static init *kid(ps *p, init *in, uint32_t i) {
  if (in->type->kind == TY_ARRAY && i >= in->nkids) {
    /* an unsized array grows */
    uint32_t cap = in->nkids ? in->nkids : 4;
    while (cap <= i) cap *= 2;
    in->kids = ar_grow(&p->c->ar, in->kids, in->nkids, cap, sizeof *in->kids);
    in->nkids = cap;
  }
  if (!in->kids[i]) {
    ty_type *t = in->type->kind == TY_ARRAY ? in->type->base : member_at(in->type, i)->type;
    in->kids[i] = new_init(p, t, p->tok->span);
  }
  return in->kids[i];
}

static int is_char_array(ps *p, ty_type *t) {
  (void)p;
  if (t->kind != TY_ARRAY) return 0;
  ty_kind k = t->base->kind;
  return k == TY_CHAR || k == TY_SCHAR || k == TY_UCHAR || k == TY_USHORT || k == TY_SHORT;
}

static int string_ahead(ps *p) { return p->tok->kind == TK_STR; }

/* Decodes consecutive string literals; *wide tells whether any was L"". */
static uint16_t *read_strings(ps *p, uint32_t *count, int *wide, fp_span *span) {
  uint16_t *units = NULL;
  size_t n = 0, cap = 0;
  *wide = 0;
  *span = p->tok->span;
  for (lx_token *t = p->tok; t->kind == TK_STR; t = t->next)
    if (t->flags & TF_WIDE) *wide = 1;
  while (p->tok->kind == TK_STR) {
    int ok = 1;
    lx_token *t = p->tok;
    lx_token copy = *t;
    if (*wide) copy.flags |= TF_WIDE; /* "a" L"b": the narrow part widens */
    n += lx_string_decode(p->c, &copy, &units, n, &cap, &ok);
    if (!ok) cx_error(p->c, t->span, "lang.lex.bad_escape", (const char *)NULL);
    *span = cx_join(*span, t->span);
    ps_next(p);
  }
  if (n == cap) units = ar_grow(&p->c->ar, units, n, n + 1, sizeof *units);
  units[n++] = 0;
  *count = (uint32_t)n;
  return units;
}

static void init_value(ps *p, init *in);

static void string_init(ps *p, init *in) {
  uint32_t n;
  int wide;
  fp_span span;
  const uint16_t *units = read_strings(p, &n, &wide, &span);
  ty_type *t = in->type;
  int elem_wide = t->base->size == 2;
  if (elem_wide != wide) {
    cx_error(p->c, span, "lang.sem.string_init_type", "type", ty_str(p->c, t), (const char *)NULL);
    return;
  }
  if (!t->complete) {
    in->type = ty_array_of(p->c, t->base, n, 1);
  } else if (n - 1 > t->array_len) {
    cx_error(p->c, span, "lang.sem.init_too_long", (const char *)NULL);
    n = t->array_len;
  } else if (n > t->array_len) {
    n = t->array_len; /* the terminator does not fit: C allows it */
  }
  in->str = units;
  in->strlen_ = n;
}

/* Skips to the end of the current brace list after an error. */
static void skip_initializer(ps *p) {
  int depth = 0;
  while (p->tok->kind != TK_EOF) {
    if (ps_is(p, P_LBRACE)) depth++;
    else if (ps_is(p, P_RBRACE)) {
      if (depth == 0) return;
      depth--;
    } else if ((ps_is(p, P_COMMA) || ps_is(p, P_SEMI)) && depth == 0) return;
    ps_next(p);
  }
}

/* Which member of `t` (possibly inside an anonymous member) is `name`; returns the index of
 * the direct member and sets *inner when the name is inside an anonymous one. */
static int member_index(ty_type *t, const char *name, int *inner) {
  int i = 0;
  *inner = 0;
  for (ty_member *m = t->members; m; m = m->next, i++) {
    if (m->name == name) return i;
    if (!m->name && ty_is_record(m->type)) {
      uint32_t off = 0;
      if (ty_find_member(m->type, name, &off)) {
        *inner = 1;
        return i;
      }
    }
  }
  return -1;
}

static void list_items(ps *p, init *in, int braced);

/* One item of a list for `in` at position *pos: a designation or the next element. */
static void designation(ps *p, init *in, uint32_t *pos) {
  ty_type *t = in->type;
  if (ps_is(p, P_LBRACKET) && t->kind == TY_ARRAY) {
    ps_next(p);
    fp_span s;
    int ok;
    int64_t i = ps_const_expr(p, &s, &ok);
    ps_expect(p, P_RBRACKET);
    if (ok && (i < 0 || (t->complete && (uint64_t)i >= t->array_len))) {
      cx_error(p->c, s, "lang.sem.init_index", (const char *)NULL);
      ok = 0;
    }
    if (!ok) {
      skip_initializer(p);
      return;
    }
    *pos = (uint32_t)i;
    init *k = kid(p, in, *pos);
    if (ps_is(p, P_DOT) || ps_is(p, P_LBRACKET)) {
      uint32_t sub = 0;
      designation(p, k, &sub);
    } else {
      ps_expect(p, P_ASSIGN);
      init_value(p, k);
    }
    (*pos)++;
    return;
  }
  if (ps_is(p, P_DOT) && ty_is_record(t)) {
    ps_next(p);
    if (p->tok->kind != TK_IDENT) {
      ps_error_expected(p, "a member name");
      skip_initializer(p);
      return;
    }
    const char *name = p->tok->name;
    fp_span ns = p->tok->span;
    int inner;
    int i = member_index(t, name, &inner);
    if (i < 0) {
      cx_error(p->c, ns, "lang.sem.no_member", "name", name, "type", ty_str(p->c, t), (const char *)NULL);
      skip_initializer(p);
      return;
    }
    *pos = (uint32_t)i;
    init *k = kid(p, in, *pos);
    if (inner) {
      /* the designator names a member of an anonymous struct/union: descend without
       * consuming the name */
      uint32_t sub = 0;
      designation(p, k, &sub);
    } else {
      ps_next(p);
      if (ps_is(p, P_DOT) || ps_is(p, P_LBRACKET)) {
        uint32_t sub = 0;
        designation(p, k, &sub);
      } else {
        ps_expect(p, P_ASSIGN);
        init_value(p, k);
      }
    }
    (*pos)++;
    if (t->kind == TY_UNION) *pos = in->nkids;
    return;
  }
  if (ps_is(p, P_DOT) || ps_is(p, P_LBRACKET)) {
    cx_error(p->c, p->tok->span, "lang.sem.init_designator", "type", ty_str(p->c, t), (const char *)NULL);
    skip_initializer(p);
    return;
  }
  if (t->kind != TY_ARRAY && *pos >= in->nkids) {
    cx_error(p->c, p->tok->span, "lang.sem.init_too_many", (const char *)NULL);
    skip_initializer(p);
    return;
  }
  if (t->kind == TY_ARRAY && t->complete && *pos >= t->array_len) {
    cx_error(p->c, p->tok->span, "lang.sem.init_too_many", (const char *)NULL);
    skip_initializer(p);
    return;
  }
  init *k = kid(p, in, *pos);
  if (ty_is_aggregate(k->type) && !ps_is(p, P_LBRACE) && !(is_char_array(p, k->type) && string_ahead(p))) {
    /* brace elision: the element's members come from this list */
    if (ty_is_record(k->type)) {
      /* unless the value is a whole structure */
      lx_token *save = p->tok;
      int quiet = p->c->quiet;
      p->c->quiet = 1;
      uint32_t errs = p->c->errors;
      nd_node *e = ps_assign(p);
      p->c->quiet = quiet;
      p->c->errors = errs;
      if (ty_is_record(e->type) && ty_compatible(e->type, k->type)) {
        k->expr = e;
        (*pos)++;
        return;
      }
      p->tok = save;
    }
    list_items(p, k, 0);
  } else {
    init_value(p, k);
  }
  (*pos)++;
  if (t->kind == TY_UNION) *pos = in->nkids;
}

/* The items of a brace list (braced) or of an elided one (stops when `in` is full). */
static void list_items(ps *p, init *in, int braced) {
  uint32_t pos = 0;
  ps_enter(p);
  for (int first = 1;; first = 0) {
    if (braced && ps_is(p, P_RBRACE)) break;
    if (!first) {
      if (!braced) {
        uint32_t full = in->type->kind == TY_ARRAY ? in->type->array_len : in->nkids;
        if (pos >= full || ps_is(p, P_RBRACE) || !lx_is(p->tok, P_COMMA) || lx_is(p->tok->next, P_RBRACE) ||
            lx_is(p->tok->next, P_DOT) || lx_is(p->tok->next, P_LBRACKET))
          break;
      }
      if (!ps_accept(p, P_COMMA)) break;
      if (braced && ps_is(p, P_RBRACE)) break;
    }
    if (!braced && (ps_is(p, P_DOT) || ps_is(p, P_LBRACKET))) break;
    designation(p, in, &pos);
    if (p->tok->kind == TK_EOF) break;
  }
  ps_leave(p);
  if (in->type->kind == TY_ARRAY && !in->type->complete) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < in->nkids; i++)
      if (in->kids[i]) n = i + 1;
    in->type = ty_array_of(p->c, in->type->base, n, 1);
    in->nkids = n;
  }
}

static void init_value(ps *p, init *in) {
  ty_type *t = in->type;
  if (is_char_array(p, t) && string_ahead(p)) {
    string_init(p, in);
    return;
  }
  if (ps_is(p, P_LBRACE)) {
    fp_span s = p->tok->span;
    ps_next(p);
    if (ty_is_aggregate(t)) {
      if (is_char_array(p, t) && string_ahead(p) && lx_is(p->tok->next, P_RBRACE)) {
        string_init(p, in);
      } else {
        list_items(p, in, 1);
      }
    } else {
      /* a scalar in braces */
      if (ps_is(p, P_RBRACE)) cx_error(p->c, s, "lang.sem.init_empty_scalar", (const char *)NULL);
      else in->expr = ps_assign(p);
      ps_accept(p, P_COMMA);
    }
    if (!ps_expect(p, P_RBRACE)) skip_initializer(p), ps_accept(p, P_RBRACE);
    return;
  }
  if (t->kind == TY_ARRAY) {
    cx_error(p->c, p->tok->span, "lang.sem.init_array", (const char *)NULL);
    skip_initializer(p);
    return;
  }
  in->expr = ps_assign(p);
}

/* ---- Locals: assignments -------------------------------------------------------------------------- */

static nd_node *stmt_of(ps *p, nd_node *e) {
  nd_node *s = ck_new(p, ND_EXPR, e->span);
  s->lhs = e;
  s->type = p->b.void_;
  return s;
}

static void emit_assign(ps *p, nd_node *lvalue, init *in, nd_node ***tail) {
  if (in->expr) {
    nd_node *a = ck_assign(p, lvalue, in->expr, in->expr->span);
    a->span = in->expr->span;
    **tail = stmt_of(p, a);
    *tail = &(**tail)->next;
    return;
  }
  if (in->str) {
    for (uint32_t i = 0; i < in->strlen_; i++) {
      if (!in->str[i]) continue; /* already zero */
      nd_node *idx = ck_num(p, i, p->b.llong, in->span);
      nd_node *el = ck_deref(p, ck_binary(p, ND_ADD, lvalue, idx, in->span, "[]"), in->span);
      nd_node *a = ck_assign(p, el, ck_num(p, in->str[i], p->b.int_, in->span), in->span);
      **tail = stmt_of(p, a);
      *tail = &(**tail)->next;
    }
    return;
  }
  for (uint32_t i = 0; i < in->nkids; i++) {
    init *k = in->kids[i];
    if (!k) continue;
    nd_node *el;
    if (in->type->kind == TY_ARRAY) {
      nd_node *idx = ck_num(p, i, p->b.llong, k->span);
      el = ck_deref(p, ck_binary(p, ND_ADD, lvalue, idx, k->span, "[]"), k->span);
    } else {
      ty_member *m = member_at(in->type, i);
      el = ck_new(p, ND_MEMBER, k->span);
      el->lhs = lvalue;
      el->member = m;
      el->offset = m->offset;
      el->type = m->type;
    }
    emit_assign(p, el, k, tail);
  }
}

void ps_local_init(ps *p, sym *var, nd_node **tail) {
  init *in = new_init(p, var->type, p->tok->span);
  init_value(p, in);
  var->type = in->type;
  nd_node *v = ck_new(p, ND_VAR, var->span);
  v->var = var;
  v->type = var->type;
  if (ty_is_aggregate(var->type) && !in->expr) {
    nd_node *z = ck_new(p, ND_MEMZERO, var->span);
    z->var = var;
    z->type = p->b.void_;
    *tail = stmt_of(p, z);
    tail = &(*tail)->next;
  }
  nd_node **t = tail;
  emit_assign(p, v, in, &t);
}

/* ---- Globals: bytes and relocations ----------------------------------------------------------------- */

static void put_bytes(uint8_t *buf, uint32_t off, uint32_t size, uint64_t v) {
  for (uint32_t i = 0; i < size; i++) buf[off + i] = (uint8_t)(v >> (8 * i));
}

static int lvalue_address(ps *p, nd_node *n, sym **target, int64_t *addend);

static int address_constant(ps *p, nd_node *n, sym **target, int64_t *addend) {
  int64_t v;
  switch (n->kind) {
  case ND_CAST:
    if (n->type->size != 8 && n->type->kind != TY_PTR) break;
    return address_constant(p, n->lhs, target, addend);
  case ND_ADDR:
    return lvalue_address(p, n->lhs, target, addend);
  case ND_ADD:
  case ND_SUB:
    if (n->lhs->type->kind == TY_PTR && ck_fold(p, n->rhs, &v) && address_constant(p, n->lhs, target, addend)) {
      *addend += n->kind == ND_ADD ? v : -v;
      return 1;
    }
    break;
  case ND_VAR:
    if (n->var->kind == SYM_FUNC) {
      *target = n->var;
      *addend = 0;
      return 1;
    }
    break;
  default:
    break;
  }
  if (ck_fold(p, n, &v)) {
    *target = NULL;
    *addend = v;
    return 1;
  }
  return 0;
}

static int lvalue_address(ps *p, nd_node *n, sym **target, int64_t *addend) {
  switch (n->kind) {
  case ND_VAR:
    if (n->var->is_local) return 0;
    *target = n->var;
    *addend = 0;
    return 1;
  case ND_MEMBER:
    if (!lvalue_address(p, n->lhs, target, addend)) return 0;
    *addend += n->offset;
    return 1;
  case ND_DEREF:
    return address_constant(p, n->lhs, target, addend);
  default:
    return 0;
  }
}

static void add_reloc(ps *p, sym *var, uint32_t off, sym *target, int64_t addend) {
  gl_reloc *r = ar_alloc(&p->c->ar, sizeof *r);
  r->offset = off;
  r->target = target;
  r->addend = addend;
  r->next = var->relocs;
  var->relocs = r;
  target->referenced = 1;
  if (!target->ref_span.line) target->ref_span = var->span;
}

static void write_init(ps *p, sym *var, init *in, uint32_t off, ty_member *bitfield) {
  uint8_t *buf = var->init;
  if (in->expr) {
    nd_node *e = in->expr;
    if (ty_is_record(in->type)) {
      cx_error(p->c, e->span, "lang.sem.init_not_constant", (const char *)NULL);
      return;
    }
    nd_node *v = ck_convert_for_assign(p, e, in->type, e->span, "initialisation");
    if (v->type->kind == TY_ERROR) return;
    sym *target = NULL;
    int64_t addend = 0;
    if (!address_constant(p, v, &target, &addend)) {
      cx_error(p->c, e->span, "lang.sem.init_not_constant", (const char *)NULL);
      return;
    }
    if (target) {
      if (in->type->size != 8) {
        cx_error(p->c, e->span, "lang.sem.init_not_constant", (const char *)NULL);
        return;
      }
      add_reloc(p, var, off, target, addend);
      return;
    }
    if (bitfield) {
      uint32_t unit = bitfield->type->size;
      uint64_t cur = 0;
      for (uint32_t i = 0; i < unit; i++) cur |= (uint64_t)buf[off + i] << (8 * i);
      uint64_t mask = (bitfield->bit_width >= 64 ? ~0ull : ((1ull << bitfield->bit_width) - 1)) << bitfield->bit_offset;
      cur = (cur & ~mask) | (((uint64_t)addend << bitfield->bit_offset) & mask);
      put_bytes(buf, off, unit, cur);
      return;
    }
    put_bytes(buf, off, in->type->size, (uint64_t)addend);
    return;
  }
  if (in->str) {
    uint32_t unit = in->type->base->size;
    for (uint32_t i = 0; i < in->strlen_; i++) put_bytes(buf, off + i * unit, unit, in->str[i]);
    return;
  }
  for (uint32_t i = 0; i < in->nkids; i++) {
    init *k = in->kids[i];
    if (!k) continue;
    if (in->type->kind == TY_ARRAY) {
      write_init(p, var, k, off + i * in->type->base->size, NULL);
    } else {
      ty_member *m = member_at(in->type, i);
      write_init(p, var, k, off + m->offset, m->is_bitfield ? m : NULL);
    }
  }
}

void ps_global_init(ps *p, sym *var) {
  init *in = new_init(p, var->type, p->tok->span);
  init_value(p, in);
  var->type = in->type;
  if (!var->type->complete) {
    cx_error(p->c, var->span, "lang.sem.incomplete_type", "name", var->name, "type", ty_str(p->c, var->type),
             (const char *)NULL);
    return;
  }
  ps_allocate_global(p, var);
  var->init = ar_alloc(&p->c->ar, var->type->size ? var->type->size : 1);
  write_init(p, var, in, 0, NULL);
}

/* ---- String literals ------------------------------------------------------------------------------------ */

nd_node *ps_string_literal(ps *p) {
  uint32_t n;
  int wide;
  fp_span span;
  const uint16_t *units = read_strings(p, &n, &wide, &span);
  ty_type *elem = wide ? p->b.wchar : p->b.char_;
  ty_type *t = ty_array_of(p->c, elem, n, 1);
  char name[32];
  snprintf(name, sizeof name, "(string %u)", p->strings++);
  sym *s = ps_global_var(p, ar_intern(&p->c->names, name, strlen(name)), t, span);
  s->is_static = 1;
  ps_allocate_global(p, s);
  s->init = ar_alloc(&p->c->ar, t->size);
  for (uint32_t i = 0; i < n; i++) put_bytes(s->init, i * elem->size, elem->size, units[i]);
  s->referenced = 1;
  nd_node *v = ck_new(p, ND_VAR, span);
  v->var = s;
  v->type = t;
  return v;
}
