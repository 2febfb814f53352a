/* lex.c: source text to preprocessing tokens (lex.h), and decoding of literals. */
#include "lang/lex.h"

#include <string.h>

static const char *const punct_text[P_COUNT] = {
  "",
#define X(id, s) s,
  LX_PUNCTS(X)
#undef X
};

static const char *const keyword_text[KW_COUNT] = {
  "",
#define X(id, s) s,
  LX_KEYWORDS(X)
#undef X
};

const char *lx_keyword_text(lx_keyword k) { return (unsigned)k < KW_COUNT ? keyword_text[k] : "?"; }

static const unsigned char punct_len[P_COUNT] = {
  0,
#define X(id, s) sizeof s - 1,
  LX_PUNCTS(X)
#undef X
};

const char *lx_punct_text(lx_punct p) { return (unsigned)p < P_COUNT ? punct_text[p] : "?"; }

typedef struct lexer {
  cx *c;
  uint32_t file;
  const char *src, *p, *end;
  uint32_t line;
  const char *line_start;
  lx_token head, *tail;
} lexer;

static uint32_t col_of(const lexer *l, const char *at) { return (uint32_t)(at - l->line_start) + 1; }

static fp_span span_at(const lexer *l, const char *start, uint32_t line, uint32_t col) {
  fp_span s = { l->file, line, col, l->line, col_of(l, l->p) };
  (void)start;
  return s;
}

static void newline(lexer *l) {
  l->line++;
  l->line_start = l->p;
}

/* Character classes: 1 identifier start, 2 digit, 4 punctuator start, 8 white space. */
enum { C_ID = 1, C_DIGIT = 2, C_PUNCT = 4, C_SPACE = 8 };

static const uint8_t cls[256] = {
  ['\t'] = C_SPACE, ['\r'] = C_SPACE, ['\f'] = C_SPACE, ['\v'] = C_SPACE, [' '] = C_SPACE,
  ['_'] = C_ID, ['$'] = C_ID,
  ['a'] = C_ID, ['b'] = C_ID, ['c'] = C_ID, ['d'] = C_ID, ['e'] = C_ID, ['f'] = C_ID, ['g'] = C_ID,
  ['h'] = C_ID, ['i'] = C_ID, ['j'] = C_ID, ['k'] = C_ID, ['l'] = C_ID, ['m'] = C_ID, ['n'] = C_ID,
  ['o'] = C_ID, ['p'] = C_ID, ['q'] = C_ID, ['r'] = C_ID, ['s'] = C_ID, ['t'] = C_ID, ['u'] = C_ID,
  ['v'] = C_ID, ['w'] = C_ID, ['x'] = C_ID, ['y'] = C_ID, ['z'] = C_ID,
  ['A'] = C_ID, ['B'] = C_ID, ['C'] = C_ID, ['D'] = C_ID, ['E'] = C_ID, ['F'] = C_ID, ['G'] = C_ID,
  ['H'] = C_ID, ['I'] = C_ID, ['J'] = C_ID, ['K'] = C_ID, ['L'] = C_ID, ['M'] = C_ID, ['N'] = C_ID,
  ['O'] = C_ID, ['P'] = C_ID, ['Q'] = C_ID, ['R'] = C_ID, ['S'] = C_ID, ['T'] = C_ID, ['U'] = C_ID,
  ['V'] = C_ID, ['W'] = C_ID, ['X'] = C_ID, ['Y'] = C_ID, ['Z'] = C_ID,
  ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
  ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
  ['['] = C_PUNCT, [']'] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT, ['{'] = C_PUNCT, ['}'] = C_PUNCT,
  ['.'] = C_PUNCT, ['&'] = C_PUNCT, ['*'] = C_PUNCT, ['+'] = C_PUNCT, ['-'] = C_PUNCT, ['~'] = C_PUNCT,
  ['!'] = C_PUNCT, ['/'] = C_PUNCT, ['%'] = C_PUNCT, ['<'] = C_PUNCT, ['>'] = C_PUNCT, ['^'] = C_PUNCT,
  ['|'] = C_PUNCT, ['?'] = C_PUNCT, [':'] = C_PUNCT, [';'] = C_PUNCT, ['='] = C_PUNCT, [','] = C_PUNCT,
  ['#'] = C_PUNCT,
};

static int is_ident_start(int ch) { return (cls[(unsigned char)ch] & C_ID) != 0; }
static int is_digit(int ch) { return (cls[(unsigned char)ch] & C_DIGIT) != 0; }
static int is_ident(int ch) { return (cls[(unsigned char)ch] & (C_ID | C_DIGIT)) != 0; }

static lx_token *push(lexer *l, lx_kind kind, const char *start, uint32_t line, uint32_t col, unsigned flags) {
  lx_token *t = ar_alloc(&l->c->ar, sizeof *t);
  t->kind = (uint16_t)kind;
  t->text = start;
  t->len = (uint32_t)(l->p - start);
  t->flags = (uint16_t)flags;
  t->span = span_at(l, start, line, col);
  l->tail->next = t;
  l->tail = t;
  return t;
}

/* Skips a quoted literal body after the opening quote; 0 if it is not terminated on its line. */
static int skip_quoted(lexer *l, char quote) {
  while (l->p < l->end) {
    char ch = *l->p;
    if (ch == quote) {
      l->p++;
      return 1;
    }
    if (ch == '\n') return 0;
    if (ch == '\\' && l->p + 1 < l->end) {
      if (l->p[1] == '\n') {
        l->p += 2;
        newline(l);
        continue;
      }
      if (l->p[1] == '\r' && l->p + 2 < l->end && l->p[2] == '\n') {
        l->p += 3;
        newline(l);
        continue;
      }
      l->p += 2;
      continue;
    }
    l->p++;
  }
  return 0;
}

lx_token *lx_tokenize(cx *c, uint32_t file, const char *src, size_t len) {
  lexer l;
  memset(&l, 0, sizeof l);
  l.c = c;
  l.file = file;
  l.src = l.p = src;
  l.end = src + len;
  l.line = 1;
  l.line_start = src;
  l.tail = &l.head;
  unsigned flags = TF_BOL;
  while (l.p < l.end) {
    char ch = *l.p;
    if (ch == '\n') {
      l.p++;
      newline(&l);
      flags = TF_BOL | TF_SPACE;
      continue;
    }
    if (cls[(unsigned char)ch] & C_SPACE) {
      l.p++;
      while (l.p < l.end && (cls[(unsigned char)*l.p] & C_SPACE)) l.p++;
      flags |= TF_SPACE;
      continue;
    }
    if (ch == '\\' && l.p + 1 < l.end && (l.p[1] == '\n' || (l.p[1] == '\r' && l.p + 2 < l.end && l.p[2] == '\n'))) {
      l.p += l.p[1] == '\n' ? 2 : 3;
      newline(&l);
      flags |= TF_SPACE;
      continue;
    }
    if (ch == '/' && l.p + 1 < l.end && l.p[1] == '/') {
      const char *nl = memchr(l.p, '\n', (size_t)(l.end - l.p));
      l.p = nl ? nl : l.end;
      flags |= TF_SPACE;
      continue;
    }
    const char *start = l.p;
    uint32_t line = l.line, col = col_of(&l, start);
    if (ch == '/' && l.p + 1 < l.end && l.p[1] == '*') {
      l.p += 2;
      int closed = 0;
      while (l.p < l.end) {
        if (*l.p == '*' && l.p + 1 < l.end && l.p[1] == '/') {
          l.p += 2;
          closed = 1;
          break;
        }
        if (*l.p == '\n') {
          l.p++;
          newline(&l);
          continue;
        }
        l.p++;
      }
      if (!closed) {
        fp_span s = { file, line, col, line, col + 2 };
        cx_error(c, s, "lang.lex.unterminated_comment", (const char *)NULL);
        cx_resync(c);
      }
      flags |= TF_SPACE;
      continue;
    }
    if (is_digit(ch) || (ch == '.' && l.p + 1 < l.end && is_digit(l.p[1]))) {
      l.p++;
      while (l.p < l.end) {
        char d = *l.p;
        if ((d == '+' || d == '-') && strchr("eEpP", l.p[-1]) && !(l.p - start >= 2 && (start[1] == 'x' || start[1] == 'X') && (l.p[-1] == 'e' || l.p[-1] == 'E'))) {
          l.p++;
          continue;
        }
        if (is_ident(d) || d == '.') {
          l.p++;
          continue;
        }
        break;
      }
      push(&l, TK_NUM, start, line, col, flags);
      flags = 0;
      continue;
    }
    if ((ch == 'L' || ch == 'u' || ch == 'U') && l.p + 1 < l.end && (l.p[1] == '"' || l.p[1] == '\'')) {
      char quote = l.p[1];
      l.p += 2;
      int ok = skip_quoted(&l, quote);
      lx_token *t = push(&l, quote == '"' ? TK_STR : TK_CHAR, start, line, col, flags | TF_WIDE | (ok ? 0u : TF_BROKEN));
      if (!ok) {
        cx_error(c, t->span, quote == '"' ? "lang.lex.unterminated_string" : "lang.lex.unterminated_char", (const char *)NULL);
        cx_resync(c);
      }
      flags = 0;
      continue;
    }
    if (is_ident_start(ch)) {
      while (l.p < l.end && is_ident(*l.p)) l.p++;
      lx_token *t = push(&l, TK_IDENT, start, line, col, flags);
      t->name = ar_intern(&c->names, start, (size_t)(l.p - start));
      flags = 0;
      continue;
    }
    if (ch == '"' || ch == '\'') {
      l.p++;
      int ok = skip_quoted(&l, ch);
      lx_token *t = push(&l, ch == '"' ? TK_STR : TK_CHAR, start, line, col, flags | (ok ? 0u : TF_BROKEN));
      if (!ok) {
        cx_error(c, t->span, ch == '"' ? "lang.lex.unterminated_string" : "lang.lex.unterminated_char", (const char *)NULL);
        cx_resync(c);
      }
      flags = 0;
      continue;
    }
    int matched = 0;
    for (int p = (cls[(unsigned char)ch] & C_PUNCT) ? 1 : P_COUNT; p < P_COUNT; p++) {
      if (punct_text[p][0] != ch) continue;
      size_t n = punct_len[p];
      if ((size_t)(l.end - l.p) >= n && memcmp(l.p, punct_text[p], n) == 0) {
        l.p += n;
        lx_token *t = push(&l, TK_PUNCT, start, line, col, flags);
        t->id = (uint16_t)p;
        matched = 1;
        break;
      }
    }
    if (matched) {
      flags = 0;
      continue;
    }
    /* A stray character: skip one UTF-8 sequence. */
    l.p++;
    while (l.p < l.end && ((unsigned char)*l.p & 0xC0) == 0x80) l.p++;
    char shown[8] = { 0 };
    size_t n = (size_t)(l.p - start) < sizeof shown - 1 ? (size_t)(l.p - start) : sizeof shown - 1;
    memcpy(shown, start, n);
    fp_span s = span_at(&l, start, line, col);
    cx_error(c, s, "lang.lex.stray", "char", shown, (const char *)NULL);
    cx_resync(c);
    flags |= TF_SPACE;
  }
  lx_token *eof = push(&l, TK_EOF, l.p, l.line, col_of(&l, l.p), TF_BOL);
  (void)eof;
  return l.head.next;
}

lx_token *lx_copy(cx *c, const lx_token *t) {
  lx_token *n = ar_alloc(&c->ar, sizeof *n);
  *n = *t;
  n->next = NULL;
  return n;
}

lx_token *lx_eof(cx *c, const lx_token *at) {
  lx_token *t = lx_copy(c, at);
  t->kind = TK_EOF;
  t->len = 0;
  t->name = NULL;
  return t;
}

lx_token *lx_make_string(cx *c, const char *s, size_t len, const lx_token *at) {
  size_t extra = 2;
  for (size_t i = 0; i < len; i++)
    if (s[i] == '"' || s[i] == '\\') extra++;
  char *buf = ar_alloc(&c->ar, len + extra + 1);
  size_t n = 0;
  buf[n++] = '"';
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '"' || s[i] == '\\') buf[n++] = '\\';
    buf[n++] = s[i];
  }
  buf[n++] = '"';
  lx_token *t = lx_copy(c, at);
  t->kind = TK_STR;
  t->text = buf;
  t->len = (uint32_t)n;
  t->name = NULL;
  t->flags &= (uint16_t)~TF_WIDE;
  return t;
}

/* ---- Literal values --------------------------------------------------------------------------- */

lx_number lx_parse_number(const char *text, size_t len) {
  lx_number n;
  memset(&n, 0, sizeof n);
  size_t i = 0;
  unsigned base = 10;
  if (len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    i = 2;
  } else if (len >= 2 && text[0] == '0' && (text[1] == 'b' || text[1] == 'B')) {
    base = 2;
    i = 2;
  } else if (text[0] == '0') {
    base = 8;
  }
  size_t digits_start = i;
  uint64_t v = 0;
  int overflow = 0;
  for (; i < len; i++) {
    char ch = text[i];
    unsigned d;
    if (ch >= '0' && ch <= '9') d = (unsigned)(ch - '0');
    else if (base == 16 && ch >= 'a' && ch <= 'f') d = (unsigned)(ch - 'a' + 10);
    else if (base == 16 && ch >= 'A' && ch <= 'F') d = (unsigned)(ch - 'A' + 10);
    else break;
    if (d >= base) {
      if (base == 8 && d < 10) {
        /* 08, 09: could still be a float like 09.5; an invalid octal otherwise */
        n.ok = 0;
        for (size_t j = i; j < len; j++)
          if (text[j] == '.' || text[j] == 'e' || text[j] == 'E') n.floating = 1;
        return n;
      }
      break;
    }
    if (v > (UINT64_MAX - d) / base) overflow = 1;
    v = v * base + d;
  }
  if (base != 8 && i == digits_start) {
    n.ok = 0;
    return n;
  }
  if (i < len && (text[i] == '.' || ((text[i] == 'e' || text[i] == 'E') && base == 10) || text[i] == 'p' || text[i] == 'P')) {
    n.floating = 1;
    return n;
  }
  int u = 0, l = 0;
  for (; i < len; i++) {
    char ch = text[i];
    if ((ch == 'u' || ch == 'U') && !u) u = 1;
    else if (ch == 'l' || ch == 'L') l++;
    else if (ch == 'i' && i + 2 < len + 0 && len - i >= 3 && text[i + 1] == '6' && text[i + 2] == '4') {
      l = 2; /* MSVC's i64 */
      i += 2;
    } else if ((ch == 'f' || ch == 'F') && base != 16) {
      n.floating = 1;
      return n;
    } else {
      n.ok = 0;
      return n;
    }
  }
  if (l > 2 || overflow) {
    n.ok = 0;
    return n;
  }
  n.ok = 1;
  n.value = v;
  /* The first type that holds the value (C11 6.4.4.1, with LLP64 sizes). */
  int rank = l == 2 ? 2 : l == 1 ? 1 : 0;
  int is_u = u;
  if (rank <= 1) {
    if (is_u ? v > 0xFFFFFFFFull : v > 0x7FFFFFFFull) {
      if (!is_u && base != 10 && v <= 0xFFFFFFFFull) is_u = 1;
      else rank = 2;
    }
  }
  if (rank == 2 && !is_u && v > 0x7FFFFFFFFFFFFFFFull) is_u = 1;
  n.rank = rank;
  n.is_unsigned = is_u;
  return n;
}

static int hexval(int ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

/* Decodes one character at *p: an escape, or (when `utf8`) a UTF-8 sequence as its code point,
 * or (otherwise) one byte. A line splice gives 0xFFFFFFFF. */
static uint32_t decode_one(const char **pp, const char *end, int utf8, int *ok) {
  const unsigned char *p = (const unsigned char *)*pp;
  uint32_t v;
  if (*p == '\\' && (const char *)p + 1 < end) {
    p++;
    switch (*p) {
    case 'n': v = '\n'; p++; break;
    case 't': v = '\t'; p++; break;
    case 'r': v = '\r'; p++; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      v = 0;
      for (int i = 0; i < 3 && (const char *)p < end && *p >= '0' && *p <= '7'; i++) v = v * 8 + (uint32_t)(*p++ - '0');
      break;
    }
    case 'x': {
      p++;
      v = 0;
      int any = 0;
      while ((const char *)p < end && hexval(*p) >= 0) {
        v = (v << 4) | (uint32_t)hexval(*p++);
        any = 1;
        if (v > 0xFFFF) *ok = 0;
      }
      if (!any) *ok = 0;
      break;
    }
    case 'a': v = 7; p++; break;
    case 'b': v = 8; p++; break;
    case 'f': v = 12; p++; break;
    case 'v': v = 11; p++; break;
    case '\\': case '\'': case '"': case '?': v = *p++; break;
    case '\n': v = 0xFFFFFFFFu; p++; break;
    default: *ok = 0; v = *p++; break;
    }
  } else if (*p < 0x80 || !utf8) {
    v = *p++;
  } else {
    int n = (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : 0;
    v = n == 1 ? (*p & 0x1Fu) : n == 2 ? (*p & 0x0Fu) : (*p & 0x07u);
    p++;
    for (int i = 0; i < n && (const char *)p < end && (*p & 0xC0) == 0x80; i++) v = (v << 6) | (*p++ & 0x3Fu);
    if (n == 0) v = 0xFFFD;
  }
  *pp = (const char *)p;
  return v;
}

int64_t lx_char_value(const lx_token *t, int *ok) {
  const char *p = t->text, *end = t->text + t->len;
  while (p < end && *p != '\'') p++;
  p++;
  end--; /* the closing quote */
  *ok = 1;
  if (p >= end || *end != '\'') {
    *ok = 0;
    return 0;
  }
  int wide = (t->flags & TF_WIDE) != 0;
  int64_t v = 0;
  int count = 0;
  while (p < end) {
    uint32_t ch = decode_one(&p, end, wide, ok);
    if (ch == 0xFFFFFFFFu) continue;
    if (wide) return (int64_t)(ch & 0xFFFF);
    if (ch > 0xFF) *ok = 0;
    if (count < 4) v = (v << 8) | (int64_t)(ch & 0xFF);
    count++;
  }
  if (count == 0) *ok = 0;
  if (count == 1) return (int64_t)(int8_t)(uint8_t)v; /* char is signed in MSVC */
  if (count > 4) *ok = 0;
  return (int64_t)(int32_t)(uint32_t)v;
}

size_t lx_string_decode(cx *c, const lx_token *t, uint16_t **out, size_t count, size_t *cap, int *ok) {
  const char *p = t->text, *end = t->text + t->len;
  while (p < end && *p != '"') p++;
  p++;
  end--;
  int wide = (t->flags & TF_WIDE) != 0;
  size_t start = count;
  while (p < end) {
    uint32_t ch = decode_one(&p, end, wide, ok);
    if (ch == 0xFFFFFFFFu) continue;
    uint16_t units[2];
    int n = 0;
    if (!wide) {
      if (ch > 0xFF) *ok = 0;
      units[n++] = (uint16_t)(ch & 0xFF);
    } else if (ch >= 0x10000) {
      ch -= 0x10000;
      units[n++] = (uint16_t)(0xD800 + (ch >> 10));
      units[n++] = (uint16_t)(0xDC00 + (ch & 0x3FF));
    } else {
      units[n++] = (uint16_t)ch;
    }
    for (int i = 0; i < n; i++) {
      if (count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        *out = ar_grow(&c->ar, *out, count, ncap, sizeof **out);
        *cap = ncap;
      }
      (*out)[count++] = units[i];
    }
  }
  return count - start;
}
