/* parse.h: the parser and checker. A recursive-descent parser over the preprocessed tokens
 * builds the typed tree of ast.h: declarations (parse.c), initialisers (parse_init.c),
 * expressions with C's conversions and the checks a compiler makes (parse_expr.c,
 * check.c), statements (parse_stmt.c). Names are resolved to symbols as they are parsed;
 * errors are reported once per statement, after which the parser skips to the statement's
 * end (panic mode) and expressions of the error type stay silent. */
#ifndef FP_LANG_PARSE_H
#define FP_LANG_PARSE_H

#include "lang/ast.h"
#include "lang/lex.h"

#define PS_MAX_NESTING 180   /* nested expressions, statements and declarators */

/* The result of parsing a file. */
typedef struct ps_unit {
  sym *globals;            /* file-scope symbols, in order (through next_global) */
  int function_count;      /* defined functions (their `index` counts from 0 in definition order) */
  uint32_t globals_size;   /* bytes of globals and string literals */
  ty_basics basics;
  uint32_t strings;        /* string literals made into globals */
} ps_unit;

/* Parses the tokens; diagnostics go to the compilation. */
void ps_parse(cx *c, lx_token *tokens, ps_unit *out);

/* ---- Shared between the parser's files ------------------------------------------------------ */

typedef struct ps_entry ps_entry;

typedef struct ps_scope {
  ps_entry *entries;       /* declared in this scope */
  struct ps_scope *up;
} ps_scope;

/* The try-nesting of a statement (for goto and code generation). */
typedef struct ps_try {
  nd_node *node;
  struct ps_try *up;
} ps_try;

typedef struct ps {
  cx *c;
  ty_basics b;
  lx_token *tok, *prev;
  ps_entry **buckets;
  uint32_t nbuckets;
  ps_scope *scope;
  int depth;               /* nesting (budget) */
  /* the function being parsed */
  sym *fn;
  sym *locals_tail;
  nd_node *labels;         /* ND_LABEL nodes (through case_next) */
  nd_node *gotos;          /* ND_GOTO nodes (through case_next) */
  int loops, switches;
  nd_node *cur_switch;
  ps_try *tries;
  int in_finally;          /* inside a __finally body */
  int in_handler;          /* inside an __except handler */
  int in_filter;           /* inside an __except filter */
  int saw_return;
  /* the file */
  sym *globals, *globals_tail;
  int function_count;
  uint32_t globals_size;
  uint32_t pack, pack_stack[16];
  int pack_depth;
  int code_seg_page;       /* #pragma code_seg("PAGE") in effect */
  uint32_t strings;
  const char *n_func, *n_function, *n_offsetof, *n_declspec, *n_align, *n_page, *n_alloc_text,
      *n_code_seg, *n_pack, *n_push, *n_pop, *n_driver_entry, *n_exception_code, *n_abnormal,
      *n_exception_info, *n_int64, *n_int32, *n_int16, *n_int8, *n_paged;
} ps;

/* Tokens. */
int ps_is(ps *p, lx_punct punct);
int ps_kw(ps *p, int kw);
void ps_next(ps *p);
int ps_accept(ps *p, lx_punct punct);
/* Expects `punct`; reports "expected X" otherwise (and returns 0). */
int ps_expect(ps *p, lx_punct punct);
/* Reports a syntax error at the current token ("expected {what}"). */
void ps_error_expected(ps *p, const char *what);
/* Skips to the end of the current statement or declaration (panic mode). */
void ps_sync(ps *p);
void ps_enter(ps *p);    /* nesting budget */
void ps_leave(ps *p);

/* Scopes and names. */
void ps_push_scope(ps *p);
void ps_pop_scope(ps *p);
sym *ps_lookup(ps *p, const char *name);
sym *ps_lookup_here(ps *p, const char *name);  /* in the innermost scope only */
ty_type *ps_lookup_tag(ps *p, const char *name, int current_scope_only);
void ps_declare(ps *p, sym *s);
void ps_declare_tag(ps *p, const char *name, ty_type *t);
int ps_is_typename(ps *p, const lx_token *t);
sym *ps_new_sym(ps *p, sym_kind kind, const char *name, ty_type *type, fp_span span);

/* Declarations (parse.c). */
typedef struct ps_declspec {
  ty_type *type;
  int is_typedef, is_static, is_extern, is_inline;
  uint32_t align;          /* __declspec(align(n)) */
  fp_span span;
} ps_declspec;

int ps_declspec_start(ps *p);
ps_declspec ps_parse_declspec(ps *p);
ty_type *ps_declarator(ps *p, ty_type *base, const char **name, fp_span *name_span, sym **params);
ty_type *ps_type_name(ps *p);
void ps_local_declaration(ps *p, nd_node **out_tail);
sym *ps_global_var(ps *p, const char *name, ty_type *t, fp_span span);
void ps_allocate_global(ps *p, sym *s);
void ps_add_local(ps *p, sym *s);
void ps_check_labels(ps *p);

/* Initialisers (parse_init.c): a local's initialisation as statements, a global's as bytes. */
void ps_local_init(ps *p, sym *var, nd_node **tail);
void ps_global_init(ps *p, sym *var);
/* A string literal as an anonymous global array; returns the ND_VAR. */
nd_node *ps_string_literal(ps *p);

/* Expressions (parse_expr.c). */
nd_node *ps_expr(ps *p);
nd_node *ps_assign(ps *p);
nd_node *ps_cond(ps *p);
int64_t ps_const_expr(ps *p, fp_span *span, int *ok);

/* Statements (parse_stmt.c). */
nd_node *ps_compound(ps *p);

/* Checks and conversions (check.c). */
nd_node *ck_new(ps *p, nd_kind kind, fp_span span);
nd_node *ck_num(ps *p, int64_t v, ty_type *t, fp_span span);
nd_node *ck_cast(ps *p, nd_node *n, ty_type *to);          /* an explicit or implicit conversion */
nd_node *ck_rvalue(ps *p, nd_node *n);                     /* arrays and functions decay */
nd_node *ck_binary(ps *p, nd_kind kind, nd_node *l, nd_node *r, fp_span span, const char *op);
nd_node *ck_unary(ps *p, nd_kind kind, nd_node *e, fp_span span, const char *op);
nd_node *ck_assign(ps *p, nd_node *l, nd_node *r, fp_span span);
nd_node *ck_opassign(ps *p, nd_kind op, nd_node *l, nd_node *r, fp_span span, const char *opname);
nd_node *ck_incdec(ps *p, nd_kind kind, nd_node *e, fp_span span);
nd_node *ck_convert_for_assign(ps *p, nd_node *r, ty_type *to, fp_span span, const char *context);
nd_node *ck_condition(ps *p, nd_node *e);                  /* a scalar used as a truth value */
nd_node *ck_deref(ps *p, nd_node *e, fp_span span);
nd_node *ck_addr(ps *p, nd_node *e, fp_span span);
nd_node *ck_member(ps *p, nd_node *base, const char *name, fp_span span, int arrow);
int ck_is_lvalue(const nd_node *n);
int ck_is_null_constant(const nd_node *n);
/* Folds an integer constant expression; 1 when `n` is one. */
int ck_fold(ps *p, nd_node *n, int64_t *out);
/* Normalises v to the type t's width and signedness. */
int64_t ck_wrap(const ty_type *t, int64_t v);

#endif
