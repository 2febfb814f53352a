/* parse.c: the parser's tokens and scopes, pragmas, declarations and the file level
 * (parse.h). */
#include "lang/parse.h"

#include <stdio.h>
#include <string.h>

#include "lang/intrinsic.h"

/* ---- Tokens ----------------------------------------------------------------------------------- */

static void pragma(ps *p, lx_token *t);

int ps_is(ps *p, lx_punct punct) { return p->tok->kind == TK_PUNCT && p->tok->id == punct; }

int ps_kw(ps *p, int kw) { return p->tok->kind == TK_KEYWORD && p->tok->id == kw; }

void ps_next(ps *p) {
  if (p->tok->kind == TK_EOF) return;
  p->prev = p->tok;
  p->tok = p->tok->next;
  while (p->tok->kind == TK_PRAGMA) {
    pragma(p, p->tok);
    p->tok = p->tok->next;
  }
  if (p->tok->flags & TF_BROKEN) p->c->quiet = 1; /* the lexer reported it */
}

int ps_accept(ps *p, lx_punct punct) {
  if (!ps_is(p, punct)) return 0;
  ps_next(p);
  return 1;
}

static const char *spelling(ps *p, const lx_token *t) {
  if (t->kind == TK_EOF) return "end of file";
  char buf[48];
  size_t n = t->len < 40 ? t->len : 40;
  memcpy(buf, t->text, n);
  buf[n] = '\0';
  return ar_strndup(&p->c->ar, buf, n);
}

void ps_error_expected(ps *p, const char *what) {
  if (p->tok->kind == TK_EOF && p->c->truncated) return;
  cx_error(p->c, p->tok->span, "lang.parse.expected", "what", what, "found", spelling(p, p->tok), (const char *)NULL);
}

int ps_expect(ps *p, lx_punct punct) {
  if (ps_accept(p, punct)) return 1;
  if (p->tok->kind == TK_EOF && p->c->truncated) return 0;
  char what[8];
  snprintf(what, sizeof what, "'%s'", lx_punct_text(punct));
  if (punct == P_SEMI && p->prev) {
    /* a missing ';' is reported where it belongs: right after the previous token; when the
     * next token starts a line, the parser goes on as if the ';' were there */
    fp_span s = p->prev->span;
    s.line = s.end_line;
    s.col = s.end_col;
    s.end_col = s.col + 1;
    cx_error(p->c, s, "lang.parse.missing_semicolon", "found", spelling(p, p->tok), (const char *)NULL);
    return (p->tok->flags & TF_BOL) || p->tok->kind == TK_EOF || ps_is(p, P_RBRACE);
  }
  ps_error_expected(p, what);
  return 0;
}

void ps_sync(ps *p) {
  int depth = 0;
  while (p->tok->kind != TK_EOF) {
    if (ps_is(p, P_LBRACE) || ps_is(p, P_LPAREN) || ps_is(p, P_LBRACKET)) depth++;
    else if (ps_is(p, P_RPAREN) || ps_is(p, P_RBRACKET)) {
      if (depth > 0) depth--;
    } else if (ps_is(p, P_RBRACE)) {
      if (depth == 0) return; /* the enclosing block ends here */
      depth--;
      if (depth == 0) {
        ps_next(p);
        if (ps_is(p, P_SEMI)) ps_next(p);
        return;
      }
    } else if (ps_is(p, P_SEMI) && depth == 0) {
      ps_next(p);
      return;
    }
    ps_next(p);
  }
}

void ps_enter(ps *p) {
  if (++p->depth > PS_MAX_NESTING) {
    cx_error(p->c, p->tok->span, "lang.budget.nesting", (const char *)NULL);
    cx_abort(p->c, CX_FAIL_BUDGET);
  }
}

void ps_leave(ps *p) { p->depth--; }

/* ---- Scopes ------------------------------------------------------------------------------------ */

struct ps_entry {
  const char *name;
  sym *s;                  /* ordinary identifiers */
  ty_type *tag;            /* tags (struct/union/enum) */
  ps_scope *scope;
  ps_entry *next_bucket;
  ps_entry *next_in_scope;
};

void ps_push_scope(ps *p) {
  ps_scope *s = ar_alloc(&p->c->ar, sizeof *s);
  s->up = p->scope;
  p->scope = s;
}

void ps_pop_scope(ps *p) {
  ps_scope *s = p->scope;
  for (ps_entry *e = s->entries; e; e = e->next_in_scope) {
    ps_entry **b = &p->buckets[ar_ptr_hash(e->name) & (p->nbuckets - 1)];
    while (*b && *b != e) b = &(*b)->next_bucket;
    if (*b) *b = e->next_bucket;
  }
  p->scope = s->up;
}

static ps_entry *add_entry(ps *p, const char *name) {
  ps_entry *e = ar_alloc(&p->c->ar, sizeof *e);
  e->name = name;
  e->scope = p->scope;
  uint32_t b = ar_ptr_hash(name) & (p->nbuckets - 1);
  e->next_bucket = p->buckets[b];
  p->buckets[b] = e;
  e->next_in_scope = p->scope->entries;
  p->scope->entries = e;
  return e;
}

sym *ps_lookup(ps *p, const char *name) {
  for (ps_entry *e = p->buckets[ar_ptr_hash(name) & (p->nbuckets - 1)]; e; e = e->next_bucket)
    if (e->name == name && e->s) return e->s;
  return NULL;
}

sym *ps_lookup_here(ps *p, const char *name) {
  for (ps_entry *e = p->buckets[ar_ptr_hash(name) & (p->nbuckets - 1)]; e; e = e->next_bucket)
    if (e->name == name && e->s && e->scope == p->scope) return e->s;
  return NULL;
}

ty_type *ps_lookup_tag(ps *p, const char *name, int current_scope_only) {
  for (ps_entry *e = p->buckets[ar_ptr_hash(name) & (p->nbuckets - 1)]; e; e = e->next_bucket)
    if (e->name == name && e->tag && (!current_scope_only || e->scope == p->scope)) return e->tag;
  return NULL;
}

void ps_declare(ps *p, sym *s) { add_entry(p, s->name)->s = s; }

void ps_declare_tag(ps *p, const char *name, ty_type *t) { add_entry(p, name)->tag = t; }

int ps_is_typename(ps *p, const lx_token *t) {
  if (t->kind == TK_KEYWORD) {
    switch (t->id) {
    case KW_VOID: case KW_CHAR: case KW_SHORT: case KW_INT: case KW_LONG: case KW_SIGNED: case KW_UNSIGNED:
    case KW_BOOL: case KW_INT8: case KW_INT16: case KW_INT32: case KW_INT64: case KW_FLOAT: case KW_DOUBLE:
    case KW_STRUCT: case KW_UNION: case KW_ENUM: case KW_CONST: case KW_VOLATILE: case KW_RESTRICT:
    case KW_RESTRICT2: case KW_UNALIGNED: case KW_DECLSPEC: case KW_TYPEDEF: case KW_EXTERN: case KW_STATIC:
    case KW_AUTO: case KW_REGISTER: case KW_INLINE: case KW_INLINE2: case KW_FORCEINLINE: case KW_NORETURN:
    case KW_W64: case KW_ATOMIC: case KW_COMPLEX: case KW_THREAD_LOCAL:
      return 1;
    default:
      return 0;
    }
  }
  if (t->kind != TK_IDENT) return 0;
  sym *s = ps_lookup(p, t->name);
  return s && s->kind == SYM_TYPEDEF;
}

sym *ps_new_sym(ps *p, sym_kind kind, const char *name, ty_type *type, fp_span span) {
  sym *s = ar_alloc(&p->c->ar, sizeof *s);
  s->kind = kind;
  s->name = name;
  s->type = type;
  s->span = span;
  s->index = -1;
  s->api = -1;
  s->intrinsic = -1;
  s->reg = -1;
  s->from_prelude = span.file == p->c->prelude_file;
  return s;
}

static void add_global(ps *p, sym *s) {
  if (p->globals_tail) p->globals_tail->next_global = s;
  else p->globals = s;
  p->globals_tail = s;
}

/* ---- Pragmas ----------------------------------------------------------------------------------- */

static void pragma(ps *p, lx_token *t) {
  lx_token *a = t->args;
  if (a->kind != TK_IDENT) return;
  const char *name = a->name;
  if (name == p->n_alloc_text) {
    /* alloc_text(SECTION, f1, f2, ...): PAGE* sections are pageable */
    a = a->next;
    if (!lx_is(a, P_LPAREN)) return;
    a = a->next;
    int paged = 0;
    if (a->kind == TK_IDENT) paged = strncmp(a->name, "PAGE", 4) == 0;
    else if (a->kind == TK_STR) paged = a->len >= 6 && strncmp(a->text + 1, "PAGE", 4) == 0;
    for (a = a->next; lx_is(a, P_COMMA); a = a->next) {
      a = a->next;
      if (a->kind != TK_IDENT) break;
      sym *s = ps_lookup(p, a->name);
      if (!s || s->kind != SYM_FUNC) {
        cx_warning(p->c, a->span, "lang.sem.pragma_function", "name", a->name, (const char *)NULL);
        continue;
      }
      if (paged) s->pageable = 1;
    }
    return;
  }
  if (name == p->n_code_seg) {
    a = a->next;
    if (!lx_is(a, P_LPAREN)) return;
    a = a->next;
    if (a->kind == TK_STR) p->code_seg_page = a->len >= 6 && strncmp(a->text + 1, "PAGE", 4) == 0;
    else p->code_seg_page = 0;
    return;
  }
  if (name == p->n_pack) {
    a = a->next;
    if (!lx_is(a, P_LPAREN)) return;
    a = a->next;
    if (a->kind == TK_IDENT && a->name == p->n_push) {
      if (p->pack_depth < 16) p->pack_stack[p->pack_depth++] = p->pack;
      a = a->next;
      if (lx_is(a, P_COMMA)) a = a->next;
    } else if (a->kind == TK_IDENT && a->name == p->n_pop) {
      p->pack = p->pack_depth ? p->pack_stack[--p->pack_depth] : 0;
      return;
    }
    if (a->kind == TK_NUM) {
      lx_number n = lx_parse_number(a->text, a->len);
      if (n.ok && (n.value == 1 || n.value == 2 || n.value == 4 || n.value == 8 || n.value == 16))
        p->pack = (uint32_t)n.value;
    } else if (lx_is(a, P_RPAREN)) {
      p->pack = 0;
    }
    return;
  }
  /* warning, prefast, once, comment, ...: accepted and ignored */
}

/* ---- Declaration specifiers ------------------------------------------------------------------- */

int ps_declspec_start(ps *p) { return ps_is_typename(p, p->tok); }

static ty_type *struct_decl(ps *p, int is_union);
static ty_type *enum_decl(ps *p);

/* __declspec(align(n)), __declspec(noinline), ...: returns the alignment asked for (0). */
static uint32_t declspec(ps *p) {
  uint32_t align = 0;
  ps_next(p);
  if (!ps_expect(p, P_LPAREN)) return 0;
  int depth = 1;
  while (p->tok->kind != TK_EOF && depth > 0) {
    if (p->tok->kind == TK_IDENT && p->tok->name == p->n_align && lx_is(p->tok->next, P_LPAREN)) {
      ps_next(p);
      ps_next(p);
      fp_span s;
      int ok;
      int64_t v = ps_const_expr(p, &s, &ok);
      if (ok && (v < 1 || v > 8192 || (v & (v - 1)))) cx_error(p->c, s, "lang.sem.align", (const char *)NULL);
      else if (ok) align = (uint32_t)v;
      ps_expect(p, P_RPAREN);
      continue;
    }
    if (ps_is(p, P_LPAREN)) depth++;
    else if (ps_is(p, P_RPAREN)) depth--;
    ps_next(p);
  }
  return align;
}

enum { SP_VOID = 1, SP_BOOL = 1 << 2, SP_CHAR = 1 << 4, SP_SHORT = 1 << 6, SP_INT = 1 << 8, SP_LONG = 1 << 10,
       SP_INT64 = 1 << 14, SP_OTHER = 1 << 16, SP_SIGNED = 1 << 17, SP_UNSIGNED = 1 << 18 };

ps_declspec ps_parse_declspec(ps *p) {
  ps_declspec d;
  memset(&d, 0, sizeof d);
  d.span = p->tok->span;
  int counter = 0, is_const = 0, is_volatile = 0;
  ty_type *ty = NULL;
  for (;;) {
    lx_token *t = p->tok;
    if (t->kind == TK_KEYWORD) {
      switch (t->id) {
      case KW_TYPEDEF: d.is_typedef = 1; ps_next(p); continue;
      case KW_EXTERN: d.is_extern = 1; ps_next(p); continue;
      case KW_STATIC: d.is_static = 1; ps_next(p); continue;
      case KW_INLINE: case KW_INLINE2: case KW_FORCEINLINE: d.is_inline = 1; ps_next(p); continue;
      case KW_AUTO: case KW_REGISTER: case KW_NORETURN: case KW_W64: case KW_RESTRICT: case KW_RESTRICT2:
      case KW_UNALIGNED: case KW_CDECL: case KW_STDCALL: case KW_FASTCALL: case KW_VECTORCALL: case KW_PTR64:
      case KW_PTR32: case KW_ATOMIC: case KW_THREAD_LOCAL:
        ps_next(p);
        continue;
      case KW_CONST: is_const = 1; ps_next(p); continue;
      case KW_VOLATILE: is_volatile = 1; ps_next(p); continue;
      case KW_DECLSPEC: {
        uint32_t a = declspec(p);
        if (a > d.align) d.align = a;
        continue;
      }
      case KW_FLOAT: case KW_DOUBLE: case KW_COMPLEX:
        cx_error(p->c, t->span, "lang.sem.float", (const char *)NULL);
        ps_next(p);
        counter |= SP_OTHER;
        ty = p->b.error;
        continue;
      case KW_STRUCT: case KW_UNION: case KW_ENUM:
        if (counter) goto done;
        ps_next(p);
        ty = t->id == KW_ENUM ? enum_decl(p) : struct_decl(p, t->id == KW_UNION);
        counter |= SP_OTHER;
        continue;
      case KW_VOID: counter += SP_VOID; break;
      case KW_BOOL: counter += SP_BOOL; break;
      case KW_CHAR: case KW_INT8: counter += SP_CHAR; break;
      case KW_SHORT: case KW_INT16: counter += SP_SHORT; break;
      case KW_INT: case KW_INT32: counter += SP_INT; break;
      case KW_LONG: counter += SP_LONG; break;
      case KW_INT64: counter += SP_INT64; break;
      case KW_SIGNED: counter |= SP_SIGNED; break;
      case KW_UNSIGNED: counter |= SP_UNSIGNED; break;
      default: goto done;
      }
      ps_next(p);
      continue;
    }
    if (t->kind == TK_IDENT && !counter) {
      sym *s = ps_lookup(p, t->name);
      if (s && s->kind == SYM_TYPEDEF) {
        ty = s->type;
        counter |= SP_OTHER;
        ps_next(p);
        continue;
      }
    }
    break;
  }
done:
  if (!(counter & SP_OTHER)) {
    int u = (counter & SP_UNSIGNED) != 0;
    switch (counter & ~(SP_SIGNED | SP_UNSIGNED)) {
    case 0: ty = counter ? (u ? p->b.uint : p->b.int_) : NULL; break;
    case SP_VOID: ty = p->b.void_; break;
    case SP_BOOL: ty = p->b.bool_; break;
    case SP_CHAR: ty = u ? p->b.uchar : (counter & SP_SIGNED) ? p->b.schar : p->b.char_; break;
    case SP_SHORT: case SP_SHORT + SP_INT: ty = u ? p->b.ushort : p->b.short_; break;
    case SP_INT: ty = u ? p->b.uint : p->b.int_; break;
    case SP_LONG: case SP_LONG + SP_INT: ty = u ? p->b.ulong : p->b.long_; break;
    case SP_LONG + SP_LONG: case SP_LONG + SP_LONG + SP_INT: case SP_INT64: case SP_INT64 + SP_INT:
      ty = u ? p->b.ullong : p->b.llong;
      break;
    default:
      cx_error(p->c, d.span, "lang.sem.bad_type_combination", (const char *)NULL);
      ty = p->b.error;
    }
  }
  if (!ty) {
    /* no type at all: C89's implicit int is an error in C11 */
    cx_error(p->c, p->tok->span, "lang.parse.expected", "what", "a type", "found", spelling(p, p->tok),
             (const char *)NULL);
    ty = p->b.error;
  }
  if (is_const || is_volatile) ty = ty_qualified(p->c, ty, is_const, is_volatile);
  d.type = ty;
  d.span = cx_join(d.span, p->prev ? p->prev->span : d.span);
  return d;
}

/* ---- Declarators ------------------------------------------------------------------------------- */

static ty_type *type_suffix(ps *p, ty_type *ty, sym **params);

static void skip_pointer_quals(ps *p, int *is_const, int *is_volatile) {
  for (;;) {
    if (ps_kw(p, KW_CONST)) *is_const = 1;
    else if (ps_kw(p, KW_VOLATILE)) *is_volatile = 1;
    else if (ps_kw(p, KW_RESTRICT) || ps_kw(p, KW_RESTRICT2) || ps_kw(p, KW_UNALIGNED) || ps_kw(p, KW_PTR64) ||
             ps_kw(p, KW_PTR32) || ps_kw(p, KW_CDECL) || ps_kw(p, KW_STDCALL) || ps_kw(p, KW_FASTCALL) ||
             ps_kw(p, KW_VECTORCALL))
      ;
    else if (ps_kw(p, KW_DECLSPEC)) {
      declspec(p);
      continue;
    } else return;
    ps_next(p);
  }
}

/* Parses a declarator on `base`. `name` (may be NULL for abstract declarators) receives the
 * declared name or NULL; `params` the parameters when the outermost derivation is a function. */
ty_type *ps_declarator(ps *p, ty_type *base, const char **name, fp_span *name_span, sym **params) {
  ps_enter(p);
  ty_type *ty = base;
  while (ps_is(p, P_STAR)) {
    ps_next(p);
    int c = 0, v = 0;
    skip_pointer_quals(p, &c, &v);
    ty = ty_pointer_to(p->c, ty);
    if (c || v) ty = ty_qualified(p->c, ty, c, v);
  }
  int dummy_c = 0, dummy_v = 0;
  skip_pointer_quals(p, &dummy_c, &dummy_v);
  if (ps_is(p, P_LPAREN) && !ps_is_typename(p, p->tok->next) && !lx_is(p->tok->next, P_RPAREN)) {
    /* a nested declarator: parse what follows it first, then the inside on that type */
    lx_token *start = p->tok;
    ps_next(p);
    int depth = 1;
    while (p->tok->kind != TK_EOF && depth > 0) {
      if (ps_is(p, P_LPAREN)) depth++;
      else if (ps_is(p, P_RPAREN)) depth--;
      if (depth > 0) ps_next(p);
    }
    if (!ps_expect(p, P_RPAREN)) {
      ps_leave(p);
      return p->b.error;
    }
    ty = type_suffix(p, ty, NULL);
    lx_token *end = p->tok;
    p->tok = start->next;
    ty_type *inner = ps_declarator(p, ty, name, name_span, params);
    if (!ps_is(p, P_RPAREN)) ps_error_expected(p, "')'");
    p->tok = end;
    ps_leave(p);
    return inner;
  }
  if (name) *name = NULL;
  if (p->tok->kind == TK_IDENT) {
    if (name) {
      *name = p->tok->name;
      if (name_span) *name_span = p->tok->span;
    } else {
      cx_error(p->c, p->tok->span, "lang.parse.unexpected_name", "name", p->tok->name, (const char *)NULL);
    }
    ps_next(p);
  } else if (name_span) {
    *name_span = p->tok->span;
  }
  ty = type_suffix(p, ty, params);
  ps_leave(p);
  return ty;
}

static ty_type *param_list(ps *p, ty_type *ret, sym **params) {
  ty_type *fn = ty_func(p->c, ret);
  ps_next(p); /* ( */
  if (ps_kw(p, KW_VOID) && lx_is(p->tok->next, P_RPAREN)) {
    ps_next(p);
    ps_next(p);
    return fn;
  }
  if (ps_is(p, P_RPAREN)) {
    ps_next(p);
    fn->no_prototype = 1;
    return fn;
  }
  ty_param head = { 0 }, *cur = &head;
  sym shead, *scur = &shead;
  memset(&shead, 0, sizeof shead);
  for (;;) {
    if (ps_is(p, P_ELLIPSIS)) {
      ps_next(p);
      fn->variadic = 1;
      break;
    }
    if (!ps_declspec_start(p)) {
      ps_error_expected(p, "a parameter type");
      break;
    }
    ps_declspec d = ps_parse_declspec(p);
    const char *name = NULL;
    fp_span ns = p->tok->span;
    ty_type *t = ps_declarator(p, d.type, &name, &ns, NULL);
    if (t->kind == TY_ARRAY) t = ty_pointer_to(p->c, t->base);
    else if (t->kind == TY_FUNC) t = ty_pointer_to(p->c, t);
    if (t->kind == TY_VOID) cx_error(p->c, ns, "lang.sem.void_variable", "name", name ? name : "", (const char *)NULL);
    ty_param *pa = ar_alloc(&p->c->ar, sizeof *pa);
    pa->name = name;
    pa->type = t;
    pa->span = ns;
    cur = cur->next = pa;
    fn->nparams++;
    if (params) {
      sym *s = ps_new_sym(p, SYM_VAR, name, t, ns);
      s->is_param = 1;
      s->is_local = 1;
      scur = scur->next_param = s;
    }
    if (!ps_accept(p, P_COMMA)) break;
  }
  fn->params = head.next;
  if (params) *params = shead.next_param;
  if (!ps_expect(p, P_RPAREN)) {
    while (p->tok->kind != TK_EOF && !ps_is(p, P_RPAREN) && !ps_is(p, P_SEMI) && !ps_is(p, P_LBRACE)) ps_next(p);
    ps_accept(p, P_RPAREN);
  }
  return fn;
}

static ty_type *type_suffix(ps *p, ty_type *ty, sym **params) {
  if (ps_is(p, P_LPAREN)) {
    ty_type *fn = param_list(p, ty, params);
    fp_span at = p->tok->span;
    if (ps_is(p, P_LPAREN) || ps_is(p, P_LBRACKET)) {
      ty_type *ret = type_suffix(p, ty, NULL);
      if (ret->kind == TY_FUNC || ret->kind == TY_ARRAY) {
        cx_error(p->c, at, "lang.sem.bad_return_type", (const char *)NULL);
        ret = p->b.error;
      }
      fn->base = ret;
    }
    return fn;
  }
  if (ps_is(p, P_LBRACKET)) {
    fp_span s = p->tok->span;
    ps_next(p);
    int complete = 0;
    int64_t len = 0;
    if (!ps_is(p, P_RBRACKET)) {
      int ok;
      fp_span es;
      len = ps_const_expr(p, &es, &ok);
      if (!ok) {
        len = 1;
      } else if (len < 0 || len > 0x10000000) {
        cx_error(p->c, es, "lang.sem.array_size", (const char *)NULL);
        len = 1;
      }
      complete = 1;
    }
    ps_expect(p, P_RBRACKET);
    ty = type_suffix(p, ty, NULL);
    if (!ty->complete || ty->kind == TY_VOID || ty->kind == TY_FUNC) {
      cx_error(p->c, s, "lang.sem.incomplete_element", "type", ty_str(p->c, ty), (const char *)NULL);
      ty = p->b.error;
    }
    return ty_array_of(p->c, ty, (uint32_t)len, complete);
  }
  return ty;
}

ty_type *ps_type_name(ps *p) {
  ps_declspec d = ps_parse_declspec(p);
  if (d.is_typedef || d.is_static || d.is_extern)
    cx_error(p->c, d.span, "lang.sem.storage_in_type", (const char *)NULL);
  return ps_declarator(p, d.type, NULL, NULL, NULL);
}

/* ---- struct, union, enum --------------------------------------------------------------------- */

static void members(ps *p, ty_type *t) {
  ty_member head, *cur = &head;
  memset(&head, 0, sizeof head);
  ps_next(p); /* { */
  while (!ps_is(p, P_RBRACE) && p->tok->kind != TK_EOF) {
    if (ps_accept(p, P_SEMI)) continue;
    if (!ps_declspec_start(p)) {
      ps_error_expected(p, "a member declaration");
      ps_sync(p);
      cx_resync(p->c);
      continue;
    }
    ps_declspec d = ps_parse_declspec(p);
    if (ps_is(p, P_SEMI) && ty_is_record(d.type) && !d.type->name) {
      /* an anonymous struct or union member */
      ty_member *m = ar_alloc(&p->c->ar, sizeof *m);
      m->type = d.type;
      m->span = d.span;
      m->align = d.align;
      cur = cur->next = m;
      ps_next(p);
      continue;
    }
    for (int first = 1;; first = 0) {
      if (!first && !ps_accept(p, P_COMMA)) break;
      ty_member *m = ar_alloc(&p->c->ar, sizeof *m);
      fp_span ns = p->tok->span;
      const char *name = NULL;
      m->type = ps_is(p, P_COLON) ? d.type : ps_declarator(p, d.type, &name, &ns, NULL);
      m->name = name;
      m->span = ns;
      m->align = d.align;
      if (ps_accept(p, P_COLON)) {
        fp_span ws;
        int ok;
        int64_t w = ps_const_expr(p, &ws, &ok);
        if (!ty_is_integer(m->type) || m->type->kind == TY_ERROR) {
          if (m->type->kind != TY_ERROR)
            cx_error(p->c, ns, "lang.sem.bitfield_type", "type", ty_str(p->c, m->type), (const char *)NULL);
        } else if (ok && (w < 0 || w > (int64_t)m->type->size * 8 || (w == 0 && name))) {
          cx_error(p->c, ws, "lang.sem.bitfield_width", (const char *)NULL);
        } else if (ok) {
          m->is_bitfield = 1;
          m->bit_width = (uint8_t)w;
        }
      }
      if (name)
        for (ty_member *o = head.next; o; o = o->next)
          if (o->name == name) cx_error(p->c, ns, "lang.sem.duplicate_member", "name", name, (const char *)NULL);
      if (m->type->kind == TY_FUNC || m->type->kind == TY_VOID || (!m->type->complete && m->type->kind != TY_ARRAY)) {
        cx_error(p->c, ns, "lang.sem.incomplete_member", "name", name ? name : "", "type", ty_str(p->c, m->type),
                 (const char *)NULL);
        m->type = p->b.error;
      }
      cur = cur->next = m;
    }
    if (!ps_expect(p, P_SEMI)) ps_sync(p);
    cx_resync(p->c);
  }
  if (!ps_expect(p, P_RBRACE)) return;
  if (!head.next) cx_error(p->c, p->prev->span, "lang.sem.empty_struct", (const char *)NULL);
  t->members = head.next;
  ty_layout(p->c, t, p->pack);
}

static ty_type *struct_decl(ps *p, int is_union) {
  const char *tag = NULL;
  fp_span span = p->tok->span;
  if (p->tok->kind == TK_IDENT) {
    tag = p->tok->name;
    ps_next(p);
  }
  if (tag && !ps_is(p, P_LBRACE)) {
    ty_type *t = ps_lookup_tag(p, tag, 0);
    if (t) {
      if (t->kind != (is_union ? TY_UNION : TY_STRUCT))
        cx_error(p->c, span, "lang.sem.tag_kind", "name", tag, (const char *)NULL);
      return t;
    }
    t = ty_new(p->c, is_union ? TY_UNION : TY_STRUCT, 0, 1);
    t->complete = 0;
    t->tag = tag;
    t->span = span;
    ps_declare_tag(p, tag, t);
    return t;
  }
  if (!ps_is(p, P_LBRACE)) {
    ps_error_expected(p, "'{'");
    return p->b.error;
  }
  ty_type *t = NULL;
  if (tag) {
    t = ps_lookup_tag(p, tag, 1);
    if (t && (t->complete || t->being_defined) && t->kind != TY_ENUM) {
      cx_error(p->c, span, "lang.sem.redefinition", "name", tag, (const char *)NULL);
      t = NULL;
    } else if (t && t->kind != (is_union ? TY_UNION : TY_STRUCT)) {
      cx_error(p->c, span, "lang.sem.tag_kind", "name", tag, (const char *)NULL);
      t = NULL;
    }
  }
  if (!t) {
    t = ty_new(p->c, is_union ? TY_UNION : TY_STRUCT, 0, 1);
    t->complete = 0;
    t->tag = tag;
    t->span = span;
    if (tag) ps_declare_tag(p, tag, t);
  }
  t->being_defined = 1;
  members(p, t);
  t->being_defined = 0;
  return t;
}

static ty_type *enum_decl(ps *p) {
  const char *tag = NULL;
  fp_span span = p->tok->span;
  if (p->tok->kind == TK_IDENT) {
    tag = p->tok->name;
    ps_next(p);
  }
  ty_type *t = NULL;
  if (tag && !ps_is(p, P_LBRACE)) {
    t = ps_lookup_tag(p, tag, 0);
    if (t && t->kind == TY_ENUM) return t;
    if (t) cx_error(p->c, span, "lang.sem.tag_kind", "name", tag, (const char *)NULL);
  }
  t = ty_new(p->c, TY_ENUM, 4, 4);
  t->tag = tag;
  t->span = span;
  if (tag) ps_declare_tag(p, tag, t);
  if (!ps_is(p, P_LBRACE)) return t;
  ps_next(p);
  int64_t value = 0;
  while (!ps_is(p, P_RBRACE) && p->tok->kind != TK_EOF) {
    if (p->tok->kind != TK_IDENT) {
      ps_error_expected(p, "an enumerator");
      while (p->tok->kind != TK_EOF && !ps_is(p, P_RBRACE)) ps_next(p);
      break;
    }
    const char *name = p->tok->name;
    fp_span ns = p->tok->span;
    ps_next(p);
    if (ps_accept(p, P_ASSIGN)) {
      fp_span es;
      int ok;
      int64_t v = ps_const_expr(p, &es, &ok);
      if (ok) value = v;
    }
    sym *prev = ps_lookup_here(p, name);
    if (prev) cx_error(p->c, ns, "lang.sem.redefinition", "name", name, (const char *)NULL);
    sym *s = ps_new_sym(p, SYM_ENUM_CONST, name, p->b.int_, ns);
    s->value = (int64_t)(int32_t)(uint32_t)(uint64_t)value;
    ps_declare(p, s);
    value++;
    if (!ps_accept(p, P_COMMA)) break;
  }
  ps_expect(p, P_RBRACE);
  return t;
}

/* ---- Declarations ------------------------------------------------------------------------------- */

static void function_definition(ps *p, sym *fn, sym *params);

sym *ps_global_var(ps *p, const char *name, ty_type *t, fp_span span) {
  sym *s = ps_new_sym(p, SYM_VAR, name, t, span);
  add_global(p, s);
  return s;
}

static void allocate_global(ps *p, sym *s) {
  uint32_t align = s->type->align ? s->type->align : 1;
  if (align < 8 && s->type->size >= 8) align = 8;
  uint64_t off = ((uint64_t)p->globals_size + align - 1) / align * align;
  uint64_t end = off + (s->type->size ? s->type->size : 1);
  if (end > 16u * 1024u * 1024u) {
    cx_error(p->c, s->span, "lang.budget.globals", (const char *)NULL);
    cx_abort(p->c, CX_FAIL_BUDGET);
  }
  s->offset = (uint32_t)off;
  p->globals_size = (uint32_t)end;
  s->is_defined = 1;
}

/* Declares `name` at file scope (or a function anywhere); returns its symbol. */
static sym *declare_file_scope(ps *p, ps_declspec *d, const char *name, ty_type *t, fp_span ns) {
  sym *prev = ps_lookup_here(p, name);
  if (d->is_typedef) {
    if (prev && !(prev->kind == SYM_TYPEDEF && ty_compatible(prev->type, t)))
      cx_error(p->c, ns, "lang.sem.redefinition", "name", name, (const char *)NULL);
    sym *s = ps_new_sym(p, SYM_TYPEDEF, name, ty_named(p->c, t, name), ns);
    ps_declare(p, s);
    return s;
  }
  if (t->kind == TY_FUNC) {
    if (prev) {
      if (prev->kind != SYM_FUNC || !ty_compatible(prev->type, t)) {
        cx_error(p->c, ns, "lang.sem.conflicting_types", "name", name, "previous", ty_str(p->c, prev->type),
                 (const char *)NULL);
        return prev->kind == SYM_FUNC ? prev : ps_new_sym(p, SYM_FUNC, name, t, ns);
      }
      /* a later prototype keeps the earlier symbol; it may now have parameter names */
      if (!prev->body && !t->no_prototype) prev->type = t;
      return prev;
    }
    sym *s = ps_new_sym(p, SYM_FUNC, name, t, ns);
    s->fn = FN_DRIVER;
    int in = in_intrinsic_id(name);
    if (in >= 0 && s->from_prelude) {
      s->fn = FN_INTRINSIC;
      s->intrinsic = in;
    } else if (s->from_prelude) {
      int api = fp_k_api_index(name);
      if (api >= 0) {
        s->fn = FN_KERNEL;
        s->api = api;
        if (fp_k_api_argc(api) != t->nparams)
          cx_error(p->c, ns, "lang.internal.prototype", "name", name, (const char *)NULL);
      }
    }
    ps_declare(p, s);
    add_global(p, s);
    return s;
  }
  if (prev) {
    if (prev->kind != SYM_VAR || !ty_compatible(prev->type, t)) {
      cx_error(p->c, ns, "lang.sem.conflicting_types", "name", name, "previous", ty_str(p->c, prev->type),
               (const char *)NULL);
      return prev->kind == SYM_VAR ? prev : ps_global_var(p, name, t, ns);
    }
    if (!prev->type->complete && t->complete) prev->type = t;
    if (!d->is_extern && prev->is_extern) prev->is_extern = 0;
    return prev;
  }
  sym *s = ps_global_var(p, name, t, ns);
  s->is_static = (uint8_t)d->is_static;
  s->is_extern = (uint8_t)d->is_extern;
  ps_declare(p, s);
  return s;
}

static void file_declaration(ps *p) {
  if (ps_kw(p, KW_STATIC_ASSERT)) {
    ps_next(p);
    ps_expect(p, P_LPAREN);
    fp_span s;
    int ok;
    int64_t v = ps_const_expr(p, &s, &ok);
    if (ps_accept(p, P_COMMA) && p->tok->kind == TK_STR) ps_next(p);
    ps_expect(p, P_RPAREN);
    ps_expect(p, P_SEMI);
    if (ok && !v) cx_error(p->c, s, "lang.sem.static_assert", (const char *)NULL);
    return;
  }
  if (!ps_declspec_start(p)) {
    if (p->tok->kind == TK_IDENT && lx_is(p->tok->next, P_LPAREN)) {
      /* a function definition without a return type */
      ps_error_expected(p, "a type");
    } else {
      ps_error_expected(p, "a declaration");
    }
    ps_sync(p);
    if (ps_is(p, P_RBRACE)) ps_next(p);
    return;
  }
  ps_declspec d = ps_parse_declspec(p);
  if (ps_accept(p, P_SEMI)) return; /* struct/enum declaration only */
  for (int first = 1;; first = 0) {
    if (!first && !ps_accept(p, P_COMMA)) break;
    const char *name = NULL;
    fp_span ns = p->tok->span;
    sym *params = NULL;
    ty_type *t = ps_declarator(p, d.type, &name, &ns, &params);
    if (!name) {
      ps_error_expected(p, "a name");
      ps_sync(p);
      return;
    }
    if (d.align && t->kind != TY_FUNC) {
      t = ty_qualified(p->c, t, 0, 0);
      if (d.align > t->align) {
        ty_type *q = ar_alloc(&p->c->ar, sizeof *q);
        *q = *t;
        q->align = d.align;
        t = q;
      }
    }
    sym *s = declare_file_scope(p, &d, name, t, ns);
    if (t->kind == TY_FUNC && !d.is_typedef) {
      if (d.is_inline) s->is_inline = 1;
      if (ps_is(p, P_LBRACE)) {
        if (!first) ps_error_expected(p, "';'");
        if (s->body || s->is_defined) cx_error(p->c, ns, "lang.sem.redefinition", "name", name, (const char *)NULL);
        s->span = ns;
        s->type = t;
        if (p->code_seg_page) s->pageable = 1;
        function_definition(p, s, params);
        return;
      }
      continue;
    }
    if (d.is_typedef) continue;
    if (t->kind == TY_VOID) {
      cx_error(p->c, ns, "lang.sem.void_variable", "name", name, (const char *)NULL);
      continue;
    }
    if (ps_accept(p, P_ASSIGN)) {
      if (s->is_defined && s->init) cx_error(p->c, ns, "lang.sem.redefinition", "name", name, (const char *)NULL);
      s->is_extern = 0;
      ps_global_init(p, s); /* completes an unsized array, then allocates */
      if (!s->is_defined) allocate_global(p, s);
      continue;
    }
    if (!d.is_extern && !s->is_defined) {
      if (!s->type->complete) {
        if (s->type->kind == TY_ARRAY && s->type->base->complete) {
          /* a tentative array definition without a size has one element */
          s->type = ty_array_of(p->c, s->type->base, 1, 1);
        } else {
          cx_error(p->c, ns, "lang.sem.incomplete_type", "name", name, "type", ty_str(p->c, s->type), (const char *)NULL);
          continue;
        }
      }
      allocate_global(p, s);
    }
  }
  if (!ps_expect(p, P_SEMI)) ps_sync(p);
}

void ps_allocate_global(ps *p, sym *s) { allocate_global(p, s); }

/* ---- Function definitions -------------------------------------------------------------------------- */

static void add_local(ps *p, sym *s) {
  if (p->locals_tail) p->locals_tail->next_local = s;
  else p->fn->locals = s;
  p->locals_tail = s;
}

void ps_add_local(ps *p, sym *s) { add_local(p, s); }

static void function_definition(ps *p, sym *fn, sym *params) {
  p->fn = fn;
  p->locals_tail = NULL;
  p->labels = p->gotos = NULL;
  p->loops = p->switches = 0;
  p->cur_switch = NULL;
  p->tries = NULL;
  p->saw_return = 0;
  fn->fn = FN_DRIVER;
  fn->params = params;
  fn->is_defined = 1;
  ps_push_scope(p);
  for (sym *s = params; s; s = s->next_param) {
    if (!s->name) {
      cx_error(p->c, s->span, "lang.sem.param_name", (const char *)NULL);
      continue;
    }
    if (!s->type->complete && s->type->kind != TY_ERROR)
      cx_error(p->c, s->span, "lang.sem.incomplete_type", "name", s->name, "type", ty_str(p->c, s->type), (const char *)NULL);
    ps_declare(p, s);
    add_local(p, s);
  }
  if (fn->type->no_prototype && params == NULL) fn->type->no_prototype = 0;
  fn->body = ps_compound(p);
  ps_pop_scope(p);
  ps_check_labels(p);
  fn->index = p->function_count++;
  p->fn = NULL;
}

/* ---- The file ------------------------------------------------------------------------------------------ */

static void mark_keywords(ps *p, lx_token *t) {
  const char *names[KW_COUNT];
  for (int k = 1; k < KW_COUNT; k++) {
    const char *s = lx_keyword_text((lx_keyword)k);
    names[k] = ar_intern(&p->c->names, s, strlen(s));
  }
  for (; t; t = t->next) {
    if (t->kind != TK_IDENT) continue;
    const char *n = t->name;
    if (n[0] != '_' && (n[0] < 'a' || n[0] > 'w')) continue;
    for (int k = 1; k < KW_COUNT; k++)
      if (names[k] == n) {
        t->kind = TK_KEYWORD;
        t->id = (uint16_t)k;
        break;
      }
  }
}

#define NAME(s) ar_intern(&c->names, s, sizeof s - 1)

void ps_parse(cx *c, lx_token *tokens, ps_unit *out) {
  ps *p = ar_alloc(&c->ar, sizeof *p);
  p->c = c;
  ty_init(c, &p->b);
  p->nbuckets = 4096;
  p->buckets = ar_alloc(&c->ar, p->nbuckets * sizeof *p->buckets);
  p->n_func = NAME("__func__");
  p->n_align = NAME("align");
  p->n_alloc_text = NAME("alloc_text");
  p->n_code_seg = NAME("code_seg");
  p->n_pack = NAME("pack");
  p->n_push = NAME("push");
  p->n_pop = NAME("pop");
  p->n_driver_entry = NAME("DriverEntry");
  p->n_exception_code = NAME("_exception_code");
  p->n_abnormal = NAME("_abnormal_termination");
  p->n_exception_info = NAME("_exception_info");
  mark_keywords(p, tokens);
  ps_push_scope(p);
  lx_token head = { 0 };
  head.kind = TK_PUNCT;
  head.next = tokens;
  p->tok = &head;
  ps_next(p);
  p->prev = NULL;
  while (p->tok->kind != TK_EOF) {
    cx_resync(c);
    if (ps_accept(p, P_SEMI)) continue;
    file_declaration(p);
  }
  cx_resync(c);
  /* Functions used but never defined, that are neither kernel routines nor intrinsics. */
  for (sym *s = p->globals; s; s = s->next_global) {
    if (s->kind == SYM_FUNC && s->referenced && !s->body && s->fn == FN_DRIVER)
      cx_error(c, s->ref_span, "lang.sem.undefined_function", "name", s->name, (const char *)NULL);
    else if (s->kind == SYM_VAR && s->referenced && !s->is_defined)
      cx_error(c, s->ref_span, "lang.sem.undefined_variable", "name", s->name, (const char *)NULL);
    cx_resync(c);
  }
  out->globals = p->globals;
  out->function_count = p->function_count;
  out->basics = p->b;
  out->strings = p->strings;
  out->globals_size = p->globals_size;
}
