/* pp.c: the preprocessor (pp.h). The structure follows C11 6.10: a directive is a '#' that
 * starts a line of the driver's own text; everything else is macro-expanded with hide sets. */
#include "lang/pp.h"

#include <stdio.h>
#include <string.h>

#include "lang/prelude.h"
#include "nt/nt.h"

#define PP_MAX_DEPTH 200              /* nested macro-argument expansions and #if parentheses */
#define PP_MAX_TOKENS 200000u        /* tokens macro expansion may produce */

struct pp_hide {
  const char *name;
  pp_hide *next;
};

enum { BI_NONE, BI_FILE, BI_LINE, BI_COUNTER };

typedef struct macro {
  const char *name;
  lx_token *body;           /* ends with TK_EOF */
  const char **params;
  int nparams;
  int variadic;             /* the last parameter is __VA_ARGS__ (or a named variadic) */
  int funlike;
  int builtin;
  int undefined;            /* #undef'd (kept so a constant of core/nt is not made again) */
  struct macro *next;
} macro;

typedef struct cond {
  lx_token *tok;            /* the #if */
  int in_else;
  int taken;                /* a branch was included */
} cond;

typedef struct pp {
  cx *c;
  macro **buckets;
  uint32_t nbuckets;
  cond *conds;
  int ncond, condcap;
  const char *file_name;
  int prelude_done;
  int depth;
  uint64_t produced;
  int counter;
  fp_span last_directive;   /* '#' to the directive's name, for messages about the whole line */
  fp_span expanding;        /* the driver's token whose expansion is under way */
  uint32_t *nt_index;       /* core/nt's constants by name: index + 1 (open addressing, 0 = empty) */
  uint32_t nnt;
  const char *n_defined, *n_va_args, *n_include, *n_define, *n_undef, *n_if, *n_ifdef, *n_ifndef,
      *n_elif, *n_else, *n_endif, *n_pragma, *n_error, *n_warning, *n_line, *n_once, *n_pragma_op,
      *n_ms_pragma;
} pp;

/* ---- Hide sets ------------------------------------------------------------------------------ */

static pp_hide *hide_new(pp *p, const char *name) {
  pp_hide *h = ar_alloc(&p->c->ar, sizeof *h);
  h->name = name;
  return h;
}

static int hide_has(const pp_hide *h, const char *name) {
  for (; h; h = h->next)
    if (h->name == name) return 1;
  return 0;
}

static pp_hide *hide_union(pp *p, pp_hide *a, pp_hide *b) {
  pp_hide head = { NULL, NULL }, *cur = &head;
  for (; a; a = a->next) cur = cur->next = hide_new(p, a->name);
  cur->next = b;
  return head.next;
}

static pp_hide *hide_intersect(pp *p, pp_hide *a, pp_hide *b) {
  pp_hide head = { NULL, NULL }, *cur = &head;
  for (; a; a = a->next)
    if (hide_has(b, a->name)) cur = cur->next = hide_new(p, a->name);
  return head.next;
}

/* ---- Macros --------------------------------------------------------------------------------- */

static macro *find(pp *p, const char *name) {
  for (macro *m = p->buckets[ar_ptr_hash(name) & (p->nbuckets - 1)]; m; m = m->next)
    if (m->name == name) return m;
  return NULL;
}

static macro *add_macro(pp *p, const char *name) {
  macro *m = find(p, name);
  if (!m) {
    m = ar_alloc(&p->c->ar, sizeof *m);
    m->name = name;
    uint32_t b = ar_ptr_hash(name) & (p->nbuckets - 1);
    m->next = p->buckets[b];
    p->buckets[b] = m;
  }
  m->undefined = 0;
  m->builtin = BI_NONE;
  m->funlike = 0;
  m->variadic = 0;
  m->nparams = 0;
  m->params = NULL;
  m->body = NULL;
  return m;
}

static uint32_t name_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

/* A macro for a constant of core/nt, written as the WDK writes it. */
static macro *nt_constant(pp *p, const char *name) {
  const fp_nt_constant *k = NULL;
  size_t len = strlen(name);
  for (uint32_t i = name_hash(name, len) & (p->nnt - 1);; i = (i + 1) & (p->nnt - 1)) {
    uint32_t at = p->nt_index[i];
    if (!at) return NULL;
    const fp_nt_constant *c = fp_nt_constant_at(at - 1);
    if (strcmp(c->name, name) == 0) {
      k = c;
      break;
    }
  }
  if (!k) return NULL;
  /* Enumerators are declared by the prelude's enums; excpt.h's values are plain ints. */
  char text[96];
  const char *type = k->type;
  if (strcmp(type, "NTSTATUS") == 0) snprintf(text, sizeof text, "((NTSTATUS)0x%08XL)", (unsigned)(uint32_t)k->value);
  else if (strcmp(type, "ULONG64") == 0) snprintf(text, sizeof text, "0x%llXui64", (unsigned long long)k->value);
  else if (strcmp(type, "UCHAR") == 0 && k->value > 0x7F) snprintf(text, sizeof text, "((UCHAR)-%d)", (int)(256 - k->value));
  else if (strcmp(type, "ULONG") == 0 || strcmp(type, "USHORT") == 0 || strcmp(type, "UCHAR") == 0 ||
           strcmp(type, "KIRQL") == 0)
    snprintf(text, sizeof text, "0x%llX", (unsigned long long)(uint64_t)k->value);
  else if (strcmp(type, "int") == 0) snprintf(text, sizeof text, "(%lld)", (long long)k->value);
  else return NULL;
  macro *m = add_macro(p, name);
  size_t tlen = strlen(text);
  char *copy = ar_strndup(&p->c->ar, text, tlen);
  lx_token *body = lx_tokenize(p->c, p->c->prelude_file, copy, tlen);
  for (lx_token *t = body; t; t = t->next) t->flags &= (uint16_t)~TF_BOL;
  m->body = body;
  return m;
}

static macro *lookup(pp *p, const lx_token *t) {
  if (t->kind != TK_IDENT) return NULL;
  macro *m = find(p, t->name);
  if (m) return m->undefined ? NULL : m;
  return nt_constant(p, t->name);
}

/* ---- Token lists ------------------------------------------------------------------------------ */

static lx_token *copy_tok(pp *p, const lx_token *t) {
  if (++p->produced > PP_MAX_TOKENS) {
    (void)t;
    cx_error(p->c, p->expanding, "lang.budget.macro_expansion", (const char *)NULL);
    cx_abort(p->c, CX_FAIL_BUDGET);
  }
  return lx_copy(p->c, t);
}

static int is_hash(const lx_token *t) { return (t->flags & TF_BOL) && !(t->flags & TF_MACRO) && lx_is(t, P_HASH); }

/* The tokens up to the end of the line (copied, ending with EOF); *rest is the next line. */
static lx_token *read_line(pp *p, lx_token **rest, lx_token *tok) {
  lx_token head = { 0 }, *cur = &head;
  while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) {
    cur = cur->next = lx_copy(p->c, tok);
    tok = tok->next;
  }
  cur->next = lx_eof(p->c, tok);
  *rest = tok;
  return head.next;
}

static lx_token *skip_line(pp *p, lx_token *tok, const char *directive) {
  if (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) {
    cx_warning(p->c, tok->span, "lang.pp.extra_tokens", "directive", directive, (const char *)NULL);
    while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
  }
  return tok;
}

static lx_token *append(lx_token *a, lx_token *b) {
  if (!a || a->kind == TK_EOF) return b;
  lx_token *t = a;
  while (t->next && t->next->kind != TK_EOF) t = t->next;
  t->next = b;
  return a;
}

/* Copies `list` (up to EOF) adding hide set `hs`, with span `span`. */
static lx_token *with_hide(pp *p, lx_token *list, pp_hide *hs, fp_span span) {
  lx_token head = { 0 }, *cur = &head;
  for (lx_token *t = list; t && t->kind != TK_EOF; t = t->next) {
    lx_token *n = copy_tok(p, t);
    n->hide = hide_union(p, t->hide, hs);
    n->span = span;
    n->flags |= TF_MACRO;
    cur = cur->next = n;
  }
  return head.next;
}

static char *spell(pp *p, const lx_token *list, int stop_at_eol, size_t *out_len) {
  size_t len = 0;
  for (const lx_token *t = list; t && t->kind != TK_EOF; t = t->next) {
    if (stop_at_eol && t != list && (t->flags & TF_BOL)) break;
    len += t->len + 1;
  }
  char *buf = ar_alloc(&p->c->ar, len + 1);
  size_t n = 0;
  for (const lx_token *t = list; t && t->kind != TK_EOF; t = t->next) {
    if (stop_at_eol && t != list && (t->flags & TF_BOL)) break;
    if (n && (t->flags & TF_SPACE)) buf[n++] = ' ';
    memcpy(buf + n, t->text, t->len);
    n += t->len;
  }
  buf[n] = '\0';
  *out_len = n;
  return buf;
}

/* ---- #define ---------------------------------------------------------------------------------- */

static void read_define(pp *p, lx_token **rest, lx_token *tok) {
  cx *c = p->c;
  if (tok->kind != TK_IDENT || (tok->flags & TF_BOL)) {
    cx_error(c, tok->kind == TK_EOF || (tok->flags & TF_BOL) ? p->last_directive : tok->span, "lang.pp.macro_name",
             (const char *)NULL);
    while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
    *rest = tok;
    return;
  }
  const char *name = tok->name;
  if (name == p->n_defined) cx_error(c, tok->span, "lang.pp.macro_name", (const char *)NULL);
  tok = tok->next;
  const char *params[128];
  int nparams = 0, variadic = 0, funlike = 0;
  if (lx_is(tok, P_LPAREN) && !(tok->flags & TF_SPACE) && !(tok->flags & TF_BOL)) {
    funlike = 1;
    tok = tok->next;
    while (!lx_is(tok, P_RPAREN)) {
      if (tok->kind == TK_EOF || (tok->flags & TF_BOL)) {
        cx_error(c, tok->span, "lang.pp.macro_params", (const char *)NULL);
        *rest = tok;
        return;
      }
      if (nparams && !lx_is(tok, P_COMMA)) {
        cx_error(c, tok->span, "lang.pp.macro_params", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        *rest = tok;
        return;
      }
      if (nparams) tok = tok->next;
      if (lx_is(tok, P_ELLIPSIS)) {
        variadic = 1;
        if (nparams < 128) params[nparams++] = p->n_va_args;
        tok = tok->next;
        if (!lx_is(tok, P_RPAREN)) {
          cx_error(c, tok->span, "lang.pp.macro_params", (const char *)NULL);
          while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
          *rest = tok;
          return;
        }
        break;
      }
      if (tok->kind != TK_IDENT || nparams >= 127) {
        cx_error(c, tok->span, "lang.pp.macro_params", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        *rest = tok;
        return;
      }
      params[nparams++] = tok->name;
      tok = tok->next;
    }
    tok = tok->next;
  }
  lx_token *body = read_line(p, rest, tok);
  if (body->kind != TK_EOF) body->flags &= (uint16_t)~TF_SPACE;
  /* '#' must name a parameter; '##' cannot start or end the body. */
  for (lx_token *t = body; t->kind != TK_EOF; t = t->next) {
    if (funlike && lx_is(t, P_HASH)) {
      int ok = t->next->kind == TK_IDENT;
      if (ok) {
        ok = 0;
        for (int i = 0; i < nparams; i++)
          if (params[i] == t->next->name) ok = 1;
      }
      if (!ok) {
        cx_error(c, t->span, "lang.pp.stringize", (const char *)NULL);
        return;
      }
    }
    if (lx_is(t, P_HASHHASH) && (t == body || t->next->kind == TK_EOF)) {
      cx_error(c, t->span, "lang.pp.paste_edge", (const char *)NULL);
      return;
    }
  }
  macro *m = add_macro(p, name);
  m->funlike = funlike;
  m->variadic = variadic;
  m->nparams = nparams;
  if (nparams) {
    m->params = ar_alloc(&c->ar, (size_t)nparams * sizeof *m->params);
    memcpy(m->params, params, (size_t)nparams * sizeof *params);
  }
  m->body = body;
}

/* ---- Expansion -------------------------------------------------------------------------------- */

typedef struct marg {
  const char *name;
  lx_token *tok;       /* ends with EOF */
  int variadic;
} marg;

static lx_token *preprocess(pp *p, lx_token *tok, int top);

static marg *find_arg(const lx_token *t, marg *args, int n) {
  if (t->kind != TK_IDENT) return NULL;
  for (int i = 0; i < n; i++)
    if (args[i].name == t->name) return &args[i];
  return NULL;
}

static lx_token *read_arg(pp *p, lx_token **rest, lx_token *tok, int take_rest) {
  lx_token head = { 0 }, *cur = &head;
  int level = 0;
  for (;;) {
    if (tok->kind == TK_EOF) break;
    if (level == 0 && lx_is(tok, P_RPAREN)) break;
    if (level == 0 && lx_is(tok, P_COMMA) && !take_rest) break;
    if (lx_is(tok, P_LPAREN)) level++;
    else if (lx_is(tok, P_RPAREN)) level--;
    cur = cur->next = lx_copy(p->c, tok);
    tok = tok->next;
  }
  cur->next = lx_eof(p->c, tok);
  *rest = tok;
  return head.next;
}

/* Reads the arguments of a call of `m` whose '(' is tok->next; returns NULL after an error. */
static marg *read_args(pp *p, lx_token **rest, lx_token *tok, macro *m, int *count) {
  cx *c = p->c;
  lx_token *start = tok;
  tok = tok->next->next;
  int n = m->nparams;
  marg *args = ar_alloc(&c->ar, (size_t)(n ? n : 1) * sizeof *args);
  int got = 0;
  int fixed = m->variadic ? n - 1 : n;
  if (n == 0 && lx_is(tok, P_RPAREN)) {
    *rest = tok;
    *count = 0;
    return args;
  }
  for (int i = 0; i < fixed; i++) {
    if (i > 0) {
      if (!lx_is(tok, P_COMMA)) break;
      tok = tok->next;
    }
    args[i].name = m->params[i];
    args[i].tok = read_arg(p, &tok, tok, 0);
    got++;
  }
  if (m->variadic) {
    if (fixed > 0 && got == fixed && lx_is(tok, P_COMMA)) tok = tok->next;
    args[fixed].name = m->params[fixed];
    args[fixed].variadic = 1;
    if (got == fixed) args[fixed].tok = read_arg(p, &tok, tok, 1);
    else args[fixed].tok = lx_eof(c, tok);
  } else if (n == 0 || got == n) {
    if (!lx_is(tok, P_RPAREN)) {
      /* too many arguments: read the rest so the message can point at them */
      if (tok->kind != TK_EOF) {
        cx_error(c, cx_join(start->span, tok->span), "lang.pp.macro_args", "macro", m->name, (const char *)NULL);
        while (tok->kind != TK_EOF && !lx_is(tok, P_RPAREN)) read_arg(p, &tok, tok->next, 1);
        *rest = tok;
        return NULL;
      }
    }
  }
  if (tok->kind == TK_EOF) {
    cx_error(c, start->span, "lang.pp.unterminated_call", "macro", m->name, (const char *)NULL);
    c->truncated = 1;
    *rest = tok;
    return NULL;
  }
  if (!lx_is(tok, P_RPAREN) || (got < fixed)) {
    cx_error(c, cx_join(start->span, tok->span), "lang.pp.macro_args", "macro", m->name, (const char *)NULL);
    while (tok->kind != TK_EOF && !lx_is(tok, P_RPAREN)) read_arg(p, &tok, tok->next, 1);
    *rest = tok;
    return NULL;
  }
  *rest = tok;
  *count = n;
  return args;
}

static lx_token *stringize(pp *p, const lx_token *hash, const lx_token *arg) {
  size_t len;
  char *s = spell(p, arg, 0, &len);
  return lx_make_string(p->c, s, len, hash);
}

/* Pastes `a` and `b` into one token. */
static lx_token *paste(pp *p, const lx_token *a, const lx_token *b) {
  size_t len = (size_t)a->len + b->len;
  char *buf = ar_alloc(&p->c->ar, len + 1);
  memcpy(buf, a->text, a->len);
  memcpy(buf + a->len, b->text, b->len);
  lx_token *t = lx_tokenize(p->c, a->span.file ? a->span.file : p->c->file, buf, len);
  if (t->kind == TK_EOF || t->next->kind != TK_EOF) {
    cx_error(p->c, a->span, "lang.pp.paste_invalid", "text", buf, (const char *)NULL);
    return lx_copy(p->c, a);
  }
  t->span = a->span;
  t->flags = a->flags;
  t->hide = a->hide;
  t->next = NULL;
  return t;
}

static lx_token *body_tok(lx_token *t) {
  t->flags |= TF_BODY;
  return t;
}

static lx_token *subst(pp *p, lx_token *tok, marg *args, int nargs) {
  lx_token head = { 0 }, *cur = &head, *prev = NULL;
#define EMIT(t)      \
  do {               \
    prev = cur;      \
    cur->next = (t); \
    cur = cur->next; \
  } while (0)
  while (tok->kind != TK_EOF) {
    if (lx_is(tok, P_HASH)) {
      marg *a = find_arg(tok->next, args, nargs);
      if (a) {
        EMIT(body_tok(stringize(p, tok, a->tok)));
        tok = tok->next->next;
        continue;
      }
    }
    if (lx_is(tok, P_COMMA) && lx_is(tok->next, P_HASHHASH)) {
      marg *a = find_arg(tok->next->next, args, nargs);
      if (a && a->variadic) {
        if (a->tok->kind == TK_EOF) {
          tok = tok->next->next->next;
        } else {
          EMIT(copy_tok(p, tok));
          tok = tok->next->next;
        }
        continue;
      }
    }
    if (lx_is(tok, P_HASHHASH)) {
      marg *a = find_arg(tok->next, args, nargs);
      if (cur == &head) {
        tok = tok->next;
        continue;
      }
      if (a) {
        if (a->tok->kind != TK_EOF) {
          lx_token *joined = paste(p, cur, a->tok);
          joined->next = NULL;
          *cur = *joined;
          for (lx_token *t = a->tok->next; t->kind != TK_EOF; t = t->next) EMIT(copy_tok(p, t));
        }
        tok = tok->next->next;
        continue;
      }
      lx_token *joined = paste(p, cur, tok->next);
      *cur = *joined;
      cur->next = NULL;
      tok = tok->next->next;
      continue;
    }
    marg *a = find_arg(tok, args, nargs);
    if (a && lx_is(tok->next, P_HASHHASH)) {
      lx_token *rhs = tok->next->next;
      if (a->tok->kind == TK_EOF) {
        marg *a2 = find_arg(rhs, args, nargs);
        if (a2) {
          for (lx_token *t = a2->tok; t->kind != TK_EOF; t = t->next) EMIT(copy_tok(p, t));
        } else if (rhs->kind != TK_EOF) {
          EMIT(body_tok(copy_tok(p, rhs)));
        }
        tok = rhs->kind == TK_EOF ? rhs : rhs->next;
        continue;
      }
      for (lx_token *t = a->tok; t->kind != TK_EOF; t = t->next) EMIT(copy_tok(p, t));
      tok = tok->next;
      continue;
    }
    if (a) {
      if (a->variadic && a->tok->kind == TK_EOF && cur != &head && lx_is(cur, P_COMMA) && prev) {
        /* MSVC drops the comma before an empty __VA_ARGS__. */
        cur = prev;
        cur->next = NULL;
        prev = NULL;
        tok = tok->next;
        continue;
      }
      if (++p->depth > PP_MAX_DEPTH) {
        cx_error(p->c, tok->span, "lang.budget.nesting", (const char *)NULL);
        cx_abort(p->c, CX_FAIL_BUDGET);
      }
      lx_token *t = preprocess(p, a->tok, 0);
      p->depth--;
      int first = 1;
      for (; t->kind != TK_EOF; t = t->next) {
        lx_token *n = copy_tok(p, t);
        if (first) n->flags = (uint16_t)((n->flags & ~TF_SPACE) | (tok->flags & TF_SPACE));
        first = 0;
        EMIT(n);
      }
      tok = tok->next;
      continue;
    }
    EMIT(body_tok(copy_tok(p, tok)));
    tok = tok->next;
  }
#undef EMIT
  cur->next = NULL;
  return head.next;
}

static lx_token *number_token(pp *p, uint64_t v, const lx_token *at) {
  char buf[32];
  int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
  lx_token *t = lx_copy(p->c, at);
  t->kind = TK_NUM;
  t->text = ar_strndup(&p->c->ar, buf, (size_t)n);
  t->len = (uint32_t)n;
  t->name = NULL;
  return t;
}

/* If `tok` is a macro to expand, expands it in front of the rest and returns 1. */
static int expand(pp *p, lx_token **rest, lx_token *tok) {
  if (tok->kind != TK_IDENT || (tok->flags & TF_NOEXPAND) || hide_has(tok->hide, tok->name)) return 0;
  macro *m = lookup(p, tok);
  if (!m) return 0;
  if (m->builtin) {
    lx_token *t;
    if (m->builtin == BI_LINE) t = number_token(p, tok->span.line, tok);
    else if (m->builtin == BI_COUNTER) t = number_token(p, (uint64_t)p->counter++, tok);
    else t = lx_make_string(p->c, p->file_name, strlen(p->file_name), tok);
    t->flags |= TF_MACRO;
    t->next = tok->next;
    *rest = t;
    return 1;
  }
  if (!m->funlike) {
    pp_hide *hs = hide_union(p, tok->hide, hide_new(p, m->name));
    lx_token *body = with_hide(p, m->body, hs, tok->span);
    if (body) {
      body->flags = (uint16_t)((body->flags & ~(TF_BOL | TF_SPACE)) | (tok->flags & (TF_BOL | TF_SPACE)));
      *rest = append(body, tok->next);
    } else {
      *rest = tok->next;
      if (tok->flags & TF_SPACE) (*rest)->flags |= TF_SPACE;
    }
    return 1;
  }
  if (!lx_is(tok->next, P_LPAREN)) return 0;
  lx_token *name = tok;
  int nargs = 0;
  marg *args = read_args(p, &tok, tok, m, &nargs);
  lx_token *rparen = tok;
  if (!args) {
    *rest = tok->kind == TK_EOF ? tok : tok->next;
    return 1;
  }
  pp_hide *hs = hide_intersect(p, name->hide, rparen->hide);
  hs = hide_union(p, hs, hide_new(p, m->name));
  lx_token *body = subst(p, m->body, args, nargs);
  fp_span span = cx_join(name->span, rparen->span);
  lx_token *cur = NULL;
  for (lx_token *t = body; t; t = t->next) {
    t->hide = hide_union(p, t->hide, hs);
    /* Tokens of the body show the call; tokens of the arguments keep where they were written. */
    if (t->flags & TF_BODY) t->span = span;
    t->flags = (uint16_t)((t->flags & ~TF_BODY) | TF_MACRO);
    cur = t;
  }
  if (body) {
    body->flags = (uint16_t)((body->flags & ~(TF_BOL | TF_SPACE)) | (name->flags & (TF_BOL | TF_SPACE)));
    cur->next = tok->next;
    *rest = body;
  } else {
    *rest = tok->next;
    if (name->flags & TF_SPACE) (*rest)->flags |= TF_SPACE;
  }
  return 1;
}

/* ---- #if ------------------------------------------------------------------------------------- */

typedef struct ival {
  int64_t v;
  int u;               /* unsigned */
} ival;

typedef struct ieval {
  pp *p;
  fp_span directive;
  lx_token *tok;
  int error;
  int depth;
} ieval;

static ival ie_cond(ieval *e);

static void ie_fail(ieval *e, const lx_token *at) {
  if (!e->error) cx_error(e->p->c, at->kind == TK_EOF ? e->directive : at->span, "lang.pp.if_syntax", (const char *)NULL);
  e->error = 1;
}

static ival ie_primary(ieval *e) {
  lx_token *t = e->tok;
  ival r = { 0, 0 };
  if (e->error) return r;
  if (lx_is(t, P_LPAREN)) {
    if (++e->depth > PP_MAX_DEPTH) {
      cx_error(e->p->c, t->span, "lang.budget.nesting", (const char *)NULL);
      cx_abort(e->p->c, CX_FAIL_BUDGET);
    }
    e->tok = t->next;
    r = ie_cond(e);
    e->depth--;
    if (!lx_is(e->tok, P_RPAREN)) {
      ie_fail(e, e->tok);
      return r;
    }
    e->tok = e->tok->next;
    return r;
  }
  if (t->kind == TK_NUM) {
    lx_number n = lx_parse_number(t->text, t->len);
    if (!n.ok) {
      ie_fail(e, t);
      return r;
    }
    r.v = (int64_t)n.value;
    r.u = n.is_unsigned;
    e->tok = t->next;
    return r;
  }
  if (t->kind == TK_CHAR) {
    int ok;
    r.v = lx_char_value(t, &ok);
    if (!ok) ie_fail(e, t);
    e->tok = t->next;
    return r;
  }
  if (t->kind == TK_IDENT) {
    /* an identifier that is not a macro is 0 */
    e->tok = t->next;
    return r;
  }
  ie_fail(e, t);
  return r;
}

static ival ie_unary(ieval *e) {
  lx_token *t = e->tok;
  if (lx_is(t, P_PLUS) || lx_is(t, P_MINUS) || lx_is(t, P_BANG) || lx_is(t, P_TILDE)) {
    if (++e->depth > PP_MAX_DEPTH) {
      cx_error(e->p->c, t->span, "lang.budget.nesting", (const char *)NULL);
      cx_abort(e->p->c, CX_FAIL_BUDGET);
    }
    e->tok = t->next;
    ival v = ie_unary(e);
    e->depth--;
    if (lx_is(t, P_MINUS)) v.v = (int64_t)(0 - (uint64_t)v.v);
    else if (lx_is(t, P_BANG)) {
      v.v = !v.v;
      v.u = 0;
    } else if (lx_is(t, P_TILDE)) v.v = ~v.v;
    return v;
  }
  return ie_primary(e);
}

static int prec(const lx_token *t) {
  if (t->kind != TK_PUNCT) return -1;
  switch (t->id) {
  case P_STAR: case P_SLASH: case P_PERCENT: return 10;
  case P_PLUS: case P_MINUS: return 9;
  case P_SHL: case P_SHR: return 8;
  case P_LT: case P_GT: case P_LE: case P_GE: return 7;
  case P_EQ: case P_NE: return 6;
  case P_AMP: return 5;
  case P_CARET: return 4;
  case P_PIPE: return 3;
  case P_LAND: return 2;
  case P_LOR: return 1;
  default: return -1;
  }
}

static ival ie_binary(ieval *e, int min) {
  ival l = ie_unary(e);
  for (;;) {
    lx_token *op = e->tok;
    int pr = prec(op);
    if (pr < min || e->error) return l;
    e->tok = op->next;
    ival r = ie_binary(e, pr + 1);
    int u = l.u || r.u;
    uint64_t a = (uint64_t)l.v, b = (uint64_t)r.v;
    ival out = { 0, u };
    switch (op->id) {
    case P_STAR: out.v = (int64_t)(a * b); break;
    case P_SLASH:
    case P_PERCENT:
      if (b == 0) {
        if (!e->error) cx_error(e->p->c, op->span, "lang.pp.if_divide", (const char *)NULL);
        e->error = 1;
        return out;
      }
      if (u) out.v = (int64_t)(op->id == P_SLASH ? a / b : a % b);
      else if (l.v == INT64_MIN && r.v == -1) out.v = op->id == P_SLASH ? l.v : 0;
      else out.v = op->id == P_SLASH ? l.v / r.v : l.v % r.v;
      break;
    case P_PLUS: out.v = (int64_t)(a + b); break;
    case P_MINUS: out.v = (int64_t)(a - b); break;
    case P_SHL: out.v = (int64_t)(b >= 64 ? 0 : a << b); break;
    case P_SHR: out.v = u ? (int64_t)(b >= 64 ? 0 : a >> b) : (b >= 64 ? (l.v < 0 ? -1 : 0) : l.v >> b); break;
    case P_LT: out.v = u ? a < b : l.v < r.v; out.u = 0; break;
    case P_GT: out.v = u ? a > b : l.v > r.v; out.u = 0; break;
    case P_LE: out.v = u ? a <= b : l.v <= r.v; out.u = 0; break;
    case P_GE: out.v = u ? a >= b : l.v >= r.v; out.u = 0; break;
    case P_EQ: out.v = a == b; out.u = 0; break;
    case P_NE: out.v = a != b; out.u = 0; break;
    case P_AMP: out.v = (int64_t)(a & b); break;
    case P_CARET: out.v = (int64_t)(a ^ b); break;
    case P_PIPE: out.v = (int64_t)(a | b); break;
    case P_LAND: out.v = l.v && r.v; out.u = 0; break;
    case P_LOR: out.v = l.v || r.v; out.u = 0; break;
    default: break;
    }
    l = out;
  }
}

static ival ie_cond(ieval *e) {
  ival c = ie_binary(e, 1);
  if (!lx_is(e->tok, P_QUESTION) || e->error) return c;
  e->tok = e->tok->next;
  ival a = ie_cond(e);
  if (!lx_is(e->tok, P_COLON)) {
    ie_fail(e, e->tok);
    return c;
  }
  e->tok = e->tok->next;
  ival b = ie_cond(e);
  return c.v ? a : b;
}

/* Evaluates the #if/#elif line starting at `tok`; *rest is the next line. */
static int eval_if(pp *p, lx_token **rest, lx_token *tok, const lx_token *directive) {
  lx_token *line = read_line(p, rest, tok);
  lx_token *last = line;
  while (last->kind != TK_EOF) last = last->next;
  /* defined X / defined(X) first, before expansion */
  lx_token head = { 0 }, *cur = &head;
  for (lx_token *t = line; t->kind != TK_EOF;) {
    if (t->kind == TK_IDENT && t->name == p->n_defined) {
      lx_token *start = t;
      t = t->next;
      int paren = lx_is(t, P_LPAREN);
      if (paren) t = t->next;
      if (t->kind != TK_IDENT) {
        cx_error(p->c, start->span, "lang.pp.defined", (const char *)NULL);
        return 0;
      }
      int def = lookup(p, t) != NULL;
      t = t->next;
      if (paren) {
        if (!lx_is(t, P_RPAREN)) {
          cx_error(p->c, start->span, "lang.pp.defined", (const char *)NULL);
          return 0;
        }
        t = t->next;
      }
      cur = cur->next = number_token(p, (uint64_t)def, start);
      continue;
    }
    if (t->kind == TK_EOF) break;
    cur = cur->next = t;
    t = t->next;
  }
  cur->next = last;
  (void)directive;
  if (head.next->kind == TK_EOF) {
    cx_error(p->c, p->last_directive, "lang.pp.if_syntax", (const char *)NULL);
    return 0;
  }
  lx_token *expanded = preprocess(p, head.next, 0);
  ieval e = { p, p->last_directive, expanded, 0, 0 };
  ival v = ie_cond(&e);
  if (!e.error && e.tok->kind != TK_EOF) ie_fail(&e, e.tok);
  return e.error ? 0 : v.v != 0;
}

static void push_cond(pp *p, lx_token *tok, int taken) {
  if (p->ncond == p->condcap) {
    int cap = p->condcap ? p->condcap * 2 : 16;
    p->conds = ar_grow(&p->c->ar, p->conds, (size_t)p->ncond, (size_t)cap, sizeof *p->conds);
    p->condcap = cap;
  }
  cond *c = &p->conds[p->ncond++];
  c->tok = tok;
  c->in_else = 0;
  c->taken = taken;
}

static const char *directive_name(const lx_token *t) { return t->kind == TK_IDENT ? t->name : ""; }

/* Skips a group whose condition was false: stops at the #elif, #else or #endif of this level. */
static lx_token *skip_group(pp *p, lx_token *tok) {
  int level = 0;
  while (tok->kind != TK_EOF) {
    if (is_hash(tok) && tok->next->kind == TK_IDENT && !(tok->next->flags & TF_BOL)) {
      const char *d = tok->next->name;
      if (d == p->n_if || d == p->n_ifdef || d == p->n_ifndef) {
        level++;
      } else if (d == p->n_endif) {
        if (level == 0) return tok;
        level--;
      } else if ((d == p->n_elif || d == p->n_else) && level == 0) {
        return tok;
      }
    }
    tok = tok->next;
  }
  return tok;
}

/* ---- The main loop ---------------------------------------------------------------------------- */

static lx_token *include(pp *p, lx_token *hash, lx_token *tok, lx_token **rest) {
  cx *c = p->c;
  const char *name = NULL;
  size_t len = 0;
  lx_token *line_end = tok;
  if (tok->kind == TK_STR && !(tok->flags & TF_WIDE)) {
    name = tok->text + 1;
    len = tok->len >= 2 ? tok->len - 2 : 0;
    line_end = tok->next;
  } else if (lx_is(tok, P_LT)) {
    lx_token *t = tok->next;
    lx_token *first = t;
    while (t->kind != TK_EOF && !(t->flags & TF_BOL) && !lx_is(t, P_GT)) t = t->next;
    if (!lx_is(t, P_GT)) {
      cx_error(c, hash->span, "lang.pp.include_syntax", (const char *)NULL);
      *rest = t;
      return NULL;
    }
    size_t n = 0;
    for (lx_token *u = first; u != t; u = u->next) n += u->len;
    char *buf = ar_alloc(&c->ar, n + 1);
    n = 0;
    for (lx_token *u = first; u != t; u = u->next) {
      memcpy(buf + n, u->text, u->len);
      n += u->len;
    }
    name = buf;
    len = n;
    line_end = t->next;
  } else {
    cx_error(c, tok->kind == TK_EOF || (tok->flags & TF_BOL) ? hash->span : tok->span, "lang.pp.include_syntax",
             (const char *)NULL);
    while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
    *rest = tok;
    return NULL;
  }
  *rest = skip_line(p, line_end, "include");
  if (!pp_builtin_header(name, len)) {
    char shown[128];
    snprintf(shown, sizeof shown, "%.*s", (int)(len > 100 ? 100 : len), name);
    cx_error(c, cx_join(hash->span, tok->span), "lang.pp.include_unknown", "header", shown, (const char *)NULL);
    cx_resync(c);
    return NULL;
  }
  if (p->prelude_done) return NULL;
  p->prelude_done = 1;
  return pr_tokens(c, c->prelude_file);
}

static lx_token *pragma_token(pp *p, lx_token *hash, lx_token *line) {
  lx_token *t = lx_copy(p->c, hash);
  t->kind = TK_PRAGMA;
  t->args = line;
  t->flags &= (uint16_t)~TF_MACRO;
  lx_token *last = line;
  while (last->kind != TK_EOF && last->next) last = last->next;
  t->span = cx_join(hash->span, last->kind == TK_EOF && last != line ? hash->span : last->span);
  return t;
}

static lx_token *preprocess(pp *p, lx_token *tok, int top) {
  cx *c = p->c;
  lx_token head = { 0 }, *cur = &head;
  while (tok->kind != TK_EOF) {
    if (top && (tok->flags & TF_BOL) && !(tok->flags & TF_MACRO)) cx_resync(c);
    if (top && !(tok->flags & TF_MACRO)) p->expanding = tok->span;
    if (expand(p, &tok, tok)) continue;
    if (!top || !is_hash(tok)) {
      cur = cur->next = tok;
      tok = tok->next;
      continue;
    }
    lx_token *hash = tok;
    tok = tok->next;
    if ((tok->flags & TF_BOL) || tok->kind == TK_EOF) continue; /* the null directive */
    const char *d = directive_name(tok);
    lx_token *dir = tok;
    tok = tok->next;
    cx_resync(c);
    p->last_directive = cx_join(hash->span, dir->span);
    if (d == p->n_include) {
      lx_token *inc = include(p, hash, tok, &tok);
      if (inc) tok = append(inc, tok);
    } else if (d == p->n_define) {
      read_define(p, &tok, tok);
    } else if (d == p->n_undef) {
      if (tok->kind != TK_IDENT || (tok->flags & TF_BOL)) {
        cx_error(c, p->last_directive, "lang.pp.macro_name", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        continue;
      }
      macro *m = find(p, tok->name);
      if (!m) m = add_macro(p, tok->name);
      m->undefined = 1;
      tok = skip_line(p, tok->next, "undef");
    } else if (d == p->n_if) {
      int v = eval_if(p, &tok, tok, dir);
      push_cond(p, hash, v);
      if (!v) tok = skip_group(p, tok);
    } else if (d == p->n_ifdef || d == p->n_ifndef) {
      int def = 0;
      if (tok->kind != TK_IDENT || (tok->flags & TF_BOL)) cx_error(c, p->last_directive, "lang.pp.macro_name", (const char *)NULL);
      else {
        def = lookup(p, tok) != NULL;
        tok = tok->next;
      }
      tok = skip_line(p, tok, d);
      int v = d == p->n_ifdef ? def : !def;
      push_cond(p, hash, v);
      if (!v) tok = skip_group(p, tok);
    } else if (d == p->n_elif) {
      if (p->ncond == 0 || p->conds[p->ncond - 1].in_else) {
        cx_error(c, cx_join(hash->span, dir->span), "lang.pp.stray_conditional", "directive", "#elif", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        continue;
      }
      cond *cd = &p->conds[p->ncond - 1];
      if (cd->taken) {
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        tok = skip_group(p, tok);
      } else {
        int v = eval_if(p, &tok, tok, dir);
        if (v) cd->taken = 1;
        else tok = skip_group(p, tok);
      }
    } else if (d == p->n_else) {
      if (p->ncond == 0 || p->conds[p->ncond - 1].in_else) {
        cx_error(c, cx_join(hash->span, dir->span), "lang.pp.stray_conditional", "directive", "#else", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        continue;
      }
      cond *cd = &p->conds[p->ncond - 1];
      cd->in_else = 1;
      tok = skip_line(p, tok, "else");
      if (cd->taken) tok = skip_group(p, tok);
      cd->taken = 1;
    } else if (d == p->n_endif) {
      if (p->ncond == 0) {
        cx_error(c, cx_join(hash->span, dir->span), "lang.pp.stray_conditional", "directive", "#endif", (const char *)NULL);
        while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
        continue;
      }
      p->ncond--;
      tok = skip_line(p, tok, "endif");
    } else if (d == p->n_pragma) {
      lx_token *line = read_line(p, &tok, tok);
      if (line->kind == TK_IDENT && line->name == p->n_once) continue;
      cur = cur->next = pragma_token(p, hash, line);
    } else if (d == p->n_error || d == p->n_warning) {
      size_t len;
      char *msg = spell(p, tok, 1, &len);
      if (d == p->n_error) cx_error(c, cx_join(hash->span, dir->span), "lang.pp.error_directive", "message", msg, (const char *)NULL);
      else cx_warning(c, cx_join(hash->span, dir->span), "lang.pp.warning_directive", "message", msg, (const char *)NULL);
      while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
    } else if (d == p->n_line || dir->kind == TK_NUM) {
      while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
    } else {
      size_t len;
      char *name = spell(p, dir, 0, &len);
      if (len > 40) name[40] = '\0';
      if (dir->kind == TK_IDENT) name = ar_strndup(&c->ar, dir->text, dir->len > 40 ? 40 : dir->len);
      cx_error(c, cx_join(hash->span, dir->span), "lang.pp.unknown_directive", "directive", name, (const char *)NULL);
      while (tok->kind != TK_EOF && !(tok->flags & TF_BOL)) tok = tok->next;
    }
    cx_resync(c);
  }
  cur->next = tok;
  return head.next;
}

/* ---- After expansion: annotations and pragma operators ------------------------------------------ */

static int sal_name(const char *s) {
  if (s[0] != '_') return 0;
  size_t n = strlen(s);
  if (n >= 4 && s[0] == '_' && s[1] >= 'A' && s[1] <= 'Z' && s[n - 1] == '_') return 1;
  if (s[1] != '_') return 0;
  if (strncmp(s, "__drv_", 6) == 0) return 1;
  static const char *const old[] = {
    "__in", "__out", "__inout", "__in_opt", "__out_opt", "__inout_opt", "__deref_out", "__deref_out_opt",
    "__in_bcount", "__out_bcount", "__in_ecount", "__out_ecount", "__inout_bcount", "__inout_ecount",
    "__in_bcount_opt", "__out_bcount_opt", "__checkReturn", "__success", "__field_bcount", "__field_ecount",
    "__nullterminated", "__reserved", "__callback", "__analysis_assume", "__out_bcount_part", "__in_z",
    "__in_opt_z", "__deref_inout", "__deref_in", "__post", "__pre", "__notnull", "__maybenull",
  };
  for (size_t i = 0; i < sizeof old / sizeof *old; i++)
    if (strcmp(s, old[i]) == 0) return 1;
  return 0;
}

static lx_token *skip_parens(lx_token *t) {
  if (!lx_is(t, P_LPAREN)) return t;
  int level = 0;
  for (; t->kind != TK_EOF; t = t->next) {
    if (lx_is(t, P_LPAREN)) level++;
    else if (lx_is(t, P_RPAREN) && --level == 0) return t->next;
  }
  return t;
}

static lx_token *strip(pp *p, lx_token *tok) {
  lx_token head = { 0 }, *cur = &head;
  while (tok->kind != TK_EOF) {
    if (tok->kind == TK_IDENT && (tok->name == p->n_ms_pragma) && lx_is(tok->next, P_LPAREN)) {
      tok = skip_parens(tok->next);
      continue;
    }
    if (tok->kind == TK_IDENT && tok->name == p->n_pragma_op && lx_is(tok->next, P_LPAREN) &&
        tok->next->next->kind == TK_STR && lx_is(tok->next->next->next, P_RPAREN)) {
      lx_token *s = tok->next->next;
      size_t len = s->len >= 2 ? s->len - 2 : 0;
      char *text = ar_strndup(&p->c->ar, s->text + 1, len);
      lx_token *line = lx_tokenize(p->c, tok->span.file, text, len);
      for (lx_token *t = line; t; t = t->next) t->span = cx_join(tok->span, s->next->span);
      if (!(line->kind == TK_IDENT && line->name == p->n_once)) cur = cur->next = pragma_token(p, tok, line);
      tok = s->next->next;
      continue;
    }
    if (tok->kind == TK_IDENT && sal_name(tok->name)) {
      tok = skip_parens(tok->next);
      continue;
    }
    cur = cur->next = tok;
    tok = tok->next;
  }
  cur->next = tok;
  return head.next;
}

int pp_builtin_header(const char *name, size_t len) {
  static const char *const headers[] = { "fltKernel.h", "ntifs.h", "ntddk.h", "wdm.h", "dontuse.h", "suppress.h" };
  for (size_t i = 0; i < sizeof headers / sizeof *headers; i++) {
    size_t n = strlen(headers[i]);
    if (n != len) continue;
    size_t k = 0;
    while (k < n) {
      char a = name[k], b = headers[i][k];
      if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
      if (a != b) break;
      k++;
    }
    if (k == n) return 1;
  }
  return 0;
}

static void define_text(pp *p, const char *name, const char *body) {
  macro *m = add_macro(p, ar_intern(&p->c->names, name, strlen(name)));
  size_t len = strlen(body);
  m->body = lx_tokenize(p->c, p->c->prelude_file, ar_strndup(&p->c->ar, body, len), len);
  for (lx_token *t = m->body; t; t = t->next) t->flags &= (uint16_t)~TF_BOL;
}

static void define_builtin(pp *p, const char *name, int kind) {
  macro *m = add_macro(p, ar_intern(&p->c->names, name, strlen(name)));
  m->builtin = kind;
}

#define NAME(s) ar_intern(&c->names, s, sizeof s - 1)

lx_token *pp_run(cx *c, lx_token *tokens, const char *file_name) {
  pp p;
  memset(&p, 0, sizeof p);
  p.c = c;
  p.nbuckets = 1024;
  p.buckets = ar_alloc(&c->ar, p.nbuckets * sizeof *p.buckets);
  p.file_name = file_name;
  p.n_defined = NAME("defined");
  p.n_va_args = NAME("__VA_ARGS__");
  p.n_include = NAME("include");
  p.n_define = NAME("define");
  p.n_undef = NAME("undef");
  p.n_if = NAME("if");
  p.n_ifdef = NAME("ifdef");
  p.n_ifndef = NAME("ifndef");
  p.n_elif = NAME("elif");
  p.n_else = NAME("else");
  p.n_endif = NAME("endif");
  p.n_pragma = NAME("pragma");
  p.n_error = NAME("error");
  p.n_warning = NAME("warning");
  p.n_line = NAME("line");
  p.n_once = NAME("once");
  p.n_pragma_op = NAME("_Pragma");
  p.n_ms_pragma = NAME("__pragma");
  size_t count = fp_nt_constant_count();
  p.nnt = 1;
  while (p.nnt < count * 2) p.nnt *= 2;
  p.nt_index = ar_alloc(&c->ar, p.nnt * sizeof *p.nt_index);
  for (size_t i = 0; i < count; i++) {
    const char *name = fp_nt_constant_at(i)->name;
    uint32_t j = name_hash(name, strlen(name)) & (p.nnt - 1);
    int dup = 0;
    while (p.nt_index[j]) {
      if (strcmp(fp_nt_constant_at(p.nt_index[j] - 1)->name, name) == 0) dup = 1;
      j = (j + 1) & (p.nnt - 1);
    }
    if (!dup) p.nt_index[j] = (uint32_t)i + 1; /* an alias listed twice: the first wins */
  }
  define_builtin(&p, "__FILE__", BI_FILE);
  define_builtin(&p, "__LINE__", BI_LINE);
  define_builtin(&p, "__COUNTER__", BI_COUNTER);
  /* The target: an x64 kernel-mode build by MSVC with the checked-build assertions on. */
  define_text(&p, "_WIN64", "1");
  define_text(&p, "_WIN32", "1");
  define_text(&p, "_AMD64_", "1");
  define_text(&p, "_M_AMD64", "100");
  define_text(&p, "_M_X64", "100");
  define_text(&p, "_MSC_VER", "1930");
  define_text(&p, "_KERNEL_MODE", "1");
  define_text(&p, "DBG", "1");
  define_text(&p, "NTDDI_VERSION", "0x0A00000C");
  define_text(&p, "_WIN32_WINNT", "0x0A00");
  define_text(&p, "WINVER", "0x0A00");
  define_text(&p, "__FLTPLAY__", "1");
  define_text(&p, "__DATE__", "\"Jan  1 2024\"");
  define_text(&p, "__TIME__", "\"00:00:00\"");
  lx_token *out = preprocess(&p, tokens, 1);
  if (p.ncond > 0) {
    cx_resync(c);
    cx_error(c, p.conds[p.ncond - 1].tok->span, "lang.pp.unterminated_if", (const char *)NULL);
  }
  return strip(&p, out);
}
