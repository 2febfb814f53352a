/* lex.h: tokens and the lexer. A source file becomes a linked list of preprocessing tokens
 * (identifiers, pp-numbers, character constants, string literals, punctuators), each with its
 * span, whether it starts a line and whether space precedes it. Literal values are decoded
 * later (lx_number, lx_char_value, lx_string_decode) by the phase that needs them. */
#ifndef FP_LANG_LEX_H
#define FP_LANG_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "lang/cx.h"

typedef enum lx_kind {
  TK_EOF,
  TK_IDENT,
  TK_NUM,      /* a pp-number */
  TK_CHAR,     /* 'x', L'x' */
  TK_STR,      /* "...", L"..." */
  TK_PUNCT,
  TK_KEYWORD,  /* an identifier the parser recognised (id = a KW_ value) */
  TK_PRAGMA    /* a #pragma line (its tokens in `args`), passed from the preprocessor to the parser */
} lx_kind;

/* Keywords (TK_KEYWORD ids, from 1): X(id, spelling). */
#define LX_KEYWORDS(X)                                                                        \
  X(VOID, "void") X(CHAR, "char") X(SHORT, "short") X(INT, "int") X(LONG, "long")            \
  X(SIGNED, "signed") X(UNSIGNED, "unsigned") X(BOOL, "_Bool") X(INT8, "__int8")              \
  X(INT16, "__int16") X(INT32, "__int32") X(INT64, "__int64") X(FLOAT, "float")               \
  X(DOUBLE, "double") X(STRUCT, "struct") X(UNION, "union") X(ENUM, "enum")                   \
  X(TYPEDEF, "typedef") X(EXTERN, "extern") X(STATIC, "static") X(AUTO, "auto")               \
  X(REGISTER, "register") X(CONST, "const") X(VOLATILE, "volatile") X(INLINE, "inline")       \
  X(INLINE2, "__inline") X(FORCEINLINE, "__forceinline") X(RESTRICT, "restrict")              \
  X(RESTRICT2, "__restrict") X(UNALIGNED, "__unaligned") X(PTR64, "__ptr64")                  \
  X(PTR32, "__ptr32") X(W64, "__w64") X(NORETURN, "_Noreturn") X(DECLSPEC, "__declspec")      \
  X(CDECL, "__cdecl") X(STDCALL, "__stdcall") X(FASTCALL, "__fastcall")                      \
  X(VECTORCALL, "__vectorcall") X(SIZEOF, "sizeof") X(ALIGNOF, "_Alignof")                    \
  X(ALIGNOF2, "__alignof") X(STATIC_ASSERT, "_Static_assert") X(IF, "if") X(ELSE, "else")     \
  X(SWITCH, "switch") X(CASE, "case") X(DEFAULT, "default") X(WHILE, "while") X(DO, "do")     \
  X(FOR, "for") X(BREAK, "break") X(CONTINUE, "continue") X(RETURN, "return")                 \
  X(GOTO, "goto") X(TRY, "__try") X(EXCEPT, "__except") X(FINALLY, "__finally")              \
  X(LEAVE, "__leave") X(OFFSETOF, "__builtin_offsetof") X(FUNCTION, "__FUNCTION__")          \
  X(FUNC, "__func__") X(ASM, "__asm") X(COMPLEX, "_Complex") X(ATOMIC, "_Atomic")            \
  X(GENERIC, "_Generic") X(THREAD_LOCAL, "_Thread_local")

typedef enum lx_keyword {
  KW_NONE,
#define X(id, s) KW_##id,
  LX_KEYWORDS(X)
#undef X
  KW_COUNT
} lx_keyword;

/* The spelling of a keyword. */
const char *lx_keyword_text(lx_keyword k);

/* Punctuators: X(id, spelling), longest first where prefixes matter. */
#define LX_PUNCTS(X)                                                                        \
  X(ELLIPSIS, "...") X(SHL_ASSIGN, "<<=") X(SHR_ASSIGN, ">>=") X(ARROW, "->") X(INC, "++")   \
  X(DEC, "--") X(SHL, "<<") X(SHR, ">>") X(LE, "<=") X(GE, ">=") X(EQ, "==") X(NE, "!=")     \
  X(LAND, "&&") X(LOR, "||") X(MUL_ASSIGN, "*=") X(DIV_ASSIGN, "/=") X(MOD_ASSIGN, "%=")     \
  X(ADD_ASSIGN, "+=") X(SUB_ASSIGN, "-=") X(AND_ASSIGN, "&=") X(XOR_ASSIGN, "^=")            \
  X(OR_ASSIGN, "|=") X(HASHHASH, "##") X(LBRACKET, "[") X(RBRACKET, "]") X(LPAREN, "(")      \
  X(RPAREN, ")") X(LBRACE, "{") X(RBRACE, "}") X(DOT, ".") X(AMP, "&") X(STAR, "*")         \
  X(PLUS, "+") X(MINUS, "-") X(TILDE, "~") X(BANG, "!") X(SLASH, "/") X(PERCENT, "%")       \
  X(LT, "<") X(GT, ">") X(CARET, "^") X(PIPE, "|") X(QUESTION, "?") X(COLON, ":")           \
  X(SEMI, ";") X(ASSIGN, "=") X(COMMA, ",") X(HASH, "#")

typedef enum lx_punct {
  P_NONE,
#define X(id, s) P_##id,
  LX_PUNCTS(X)
#undef X
  P_COUNT
} lx_punct;

/* Token flags. */
enum {
  TF_BOL = 1u << 0,      /* first token of a line */
  TF_SPACE = 1u << 1,    /* white space before it */
  TF_WIDE = 1u << 2,     /* L"..." or L'x' */
  TF_NOEXPAND = 1u << 3, /* an identifier that must not be expanded again (painted blue) */
  TF_MACRO = 1u << 4,    /* produced by a macro expansion */
  TF_BODY = 1u << 5,     /* (preprocessor) copied from a macro's body, not from an argument */
  TF_BROKEN = 1u << 6    /* an unterminated literal (reported): later errors in its statement are muted */
};

typedef struct pp_hide pp_hide;

typedef struct lx_token {
  struct lx_token *next;
  const char *text;      /* spelling (not NUL-terminated) */
  uint32_t len;
  uint16_t kind;         /* lx_kind */
  uint16_t id;           /* lx_punct for TK_PUNCT, a keyword id for TK_KEYWORD */
  uint16_t flags;        /* TF_* */
  const char *name;      /* interned spelling of identifiers and keywords */
  fp_span span;          /* where it is (for expanded tokens: the macro invocation) */
  pp_hide *hide;         /* macros it must not expand (the hide set) */
  struct lx_token *args; /* TK_PRAGMA: the pragma's tokens, ending with TK_EOF */
} lx_token;

/* Lexes `len` bytes of `src` as file `file` into tokens ending with TK_EOF. Errors go to
 * the diagnostics; the lexer always returns a list. */
lx_token *lx_tokenize(cx *c, uint32_t file, const char *src, size_t len);

/* A copy of `t` (next = NULL). */
lx_token *lx_copy(cx *c, const lx_token *t);

/* An EOF token at the span of `at`. */
lx_token *lx_eof(cx *c, const lx_token *at);

/* Whether `t` is punctuator `p`. */
static inline int lx_is(const lx_token *t, lx_punct p) { return t->kind == TK_PUNCT && t->id == p; }

/* The spelling of a punctuator. */
const char *lx_punct_text(lx_punct p);

/* A pp-number decoded as an integer constant. */
typedef struct lx_number {
  uint64_t value;
  int is_unsigned;       /* u suffix, or a value that only fits unsigned */
  int rank;              /* 0 int, 1 long, 2 long long (from suffix and value, LLP64) */
  int ok;                /* 0: not a valid integer constant */
  int floating;          /* a floating constant (not supported) */
} lx_number;

lx_number lx_parse_number(const char *text, size_t len);

/* The value of a character constant (MSVC: multi-character constants pack big-endian into
 * an int, as pool tags are written). `ok` = 0 when it is empty or malformed. */
int64_t lx_char_value(const lx_token *t, int *ok);

/* Decodes a string literal's contents (escapes, UTF-8 for wide strings) as units of 1 byte
 * (narrow) or 2 bytes (wide), appended to `out` (a growable arena array). Returns the number
 * of units; `*ok` = 0 for a malformed escape. */
size_t lx_string_decode(cx *c, const lx_token *t, uint16_t **out, size_t count, size_t *cap, int *ok);

/* Makes a string token holding `s` (for # and __FILE__), spanning `at`. */
lx_token *lx_make_string(cx *c, const char *s, size_t len, const lx_token *at);

#endif
