/* ast.h: the syntax tree the parser builds and the code generator reads, with symbols.
 * Every node has its C type (after the checker's conversions, which appear as ND_CAST
 * nodes) and its source span. Pointer arithmetic is already scaled; `a[i]` is `*(a + i)`;
 * `a->f` is a member access of `*a`; compound assignments keep their operator. */
#ifndef FP_LANG_AST_H
#define FP_LANG_AST_H

#include "lang/type.h"

typedef enum nd_kind {
  /* expressions */
  ND_NUM,        /* val */
  ND_VAR,        /* sym: a variable or a function (as a value: its address) */
  ND_MEMBER,     /* lhs.member (member, offset = the member's offset within lhs) */
  ND_DEREF,      /* *lhs */
  ND_ADDR,       /* &lhs */
  ND_NEG, ND_NOT, ND_BITNOT,
  ND_ADD, ND_SUB, ND_MUL, ND_DIV, ND_MOD, ND_SHL, ND_SHR,
  ND_BITAND, ND_BITOR, ND_BITXOR,
  ND_EQ, ND_NE, ND_LT, ND_LE,     /* operands of the common type; result int */
  ND_LOGAND, ND_LOGOR,
  ND_ASSIGN,     /* lhs = rhs */
  ND_OPASSIGN,   /* lhs op= rhs: op in `op` (ND_ADD...), computed in type `optype` */
  ND_PREINC, ND_PREDEC, ND_POSTINC, ND_POSTDEC, /* val = the step (scaled for pointers) */
  ND_COND,       /* cond ? then : els */
  ND_COMMA,      /* lhs, rhs */
  ND_CAST,       /* (type)lhs */
  ND_CALL,       /* lhs (the callee) with args; sym set for direct calls */
  ND_MEMZERO,    /* zero the variable `sym` (local initialisation) */
  ND_EXCEPTION_CODE, /* GetExceptionCode() */
  ND_ABNORMAL,   /* AbnormalTermination() */
  /* statements */
  ND_BLOCK,      /* body: a list through `next` */
  ND_EXPR,       /* lhs */
  ND_DECL,       /* a local declaration with its initialisation in `body` (expressions), sym */
  ND_IF,
  ND_FOR,        /* init; cond; inc; then = body (while and for) */
  ND_DO,
  ND_SWITCH,     /* cond, then = body, cases: the ND_CASE nodes */
  ND_CASE,       /* val (and val2 for a range), then = the statement; default when is_default */
  ND_BREAK, ND_CONTINUE,
  ND_RETURN,     /* lhs or NULL */
  ND_GOTO,       /* label name in `name`; target resolved to the ND_LABEL in `target` */
  ND_LABEL,      /* name, then = the statement */
  ND_TRY_EXCEPT, /* then = __try body, cond = filter, els = handler */
  ND_TRY_FINALLY,/* then = __try body, els = finally body */
  ND_LEAVE,
  ND_NOP
} nd_kind;

typedef struct sym sym;
typedef struct nd_node nd_node;

struct nd_node {
  nd_kind kind;
  ty_type *type;
  fp_span span;
  nd_node *next;           /* statements in a block, arguments of a call */
  nd_node *lhs, *rhs;
  nd_node *cond, *then, *els, *init, *inc;
  nd_node *args;           /* call arguments */
  int nargs;
  nd_node *cases;          /* switch: its cases (through case_next) */
  nd_node *case_next;
  nd_node *target;         /* goto: its label */
  nd_node *body;           /* declaration: its initialisation statements */
  int64_t val, val2;       /* constants, case values, inc/dec steps */
  sym *var;
  ty_member *member;
  uint32_t offset;         /* member offset (including anonymous containers) */
  nd_kind op;              /* ND_OPASSIGN */
  ty_type *optype;         /* ND_OPASSIGN: the type the operation is done in */
  const char *name;        /* labels, goto */
  uint8_t is_default;
  uint8_t is_range;
  uint8_t is_const;        /* an integer constant expression (val holds it) */
  uint32_t label_id;       /* code generation: labels and try scopes */
  void *gen;               /* code generation's own data */
  void *trychain;          /* labels, gotos: the __try blocks around them (parser) */
};

typedef enum sym_kind { SYM_VAR, SYM_FUNC, SYM_TYPEDEF, SYM_ENUM_CONST } sym_kind;

/* How a function is reached. */
typedef enum fn_kind { FN_DRIVER, FN_KERNEL, FN_INTRINSIC } fn_kind;

/* A relocation in the globals image: the 8 bytes at `offset` hold the address of `target`
 * (a global variable or string, or a function) plus `addend`. */
typedef struct gl_reloc {
  struct gl_reloc *next;
  uint32_t offset;
  sym *target;
  int64_t addend;
} gl_reloc;

struct sym {
  sym_kind kind;
  const char *name;
  ty_type *type;
  fp_span span;
  /* variables */
  uint8_t is_local, is_param, is_static, is_extern, is_defined, addr_taken, in_memory, used;
  uint8_t by_address;      /* a structure parameter: its register holds the address of the caller's copy */
  uint32_t offset;         /* globals: offset in the image; memory locals: offset in the frame */
  int reg;                 /* register locals */
  nd_node *decl_scope;     /* for statement events: where it is declared */
  uint8_t *init;           /* globals: initial bytes (NULL = zero) */
  gl_reloc *relocs;
  /* functions */
  fn_kind fn;
  int api;                 /* FN_KERNEL: the engine's routine index */
  int intrinsic;           /* FN_INTRINSIC: the intrinsic id */
  nd_node *body;           /* defined functions */
  sym *params;             /* defined functions: parameters as symbols, in order (through next_param) */
  sym *next_param;
  sym *locals;             /* all locals of a defined function (through next_local) */
  sym *next_local;
  int index;               /* defined functions: index in the program; -1 otherwise */
  int32_t slot;            /* code generation: the local's entry in the function's locals table */
  uint8_t pageable;
  uint8_t is_inline;
  uint8_t referenced;      /* used as a value or called */
  uint8_t from_prelude;
  fp_span ref_span;        /* its first use (for "not defined" errors) */
  /* enum constants */
  int64_t value;
  sym *next_global;        /* all file-scope symbols in order */
};

#endif
