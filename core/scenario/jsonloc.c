/* jsonloc.c: a forward scan over JSON text that follows a path (jsonloc.h). The text has
 * already been parsed by cJSON, so the scanner may assume it is well formed, but it still
 * stops safely at the end of the text whatever it holds. */
#include "scenario/jsonloc.h"

#include <string.h>

typedef struct scan {
  const char *s;
  size_t n, i;
} scan;

static void skip_space(scan *c) {
  while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' || c->s[c->i] == '\r')) c->i++;
}

/* Skips a string starting at its opening quote; returns the offset of its first character. */
static size_t skip_string(scan *c) {
  size_t start = ++c->i;
  while (c->i < c->n && c->s[c->i] != '"') c->i += c->s[c->i] == '\\' ? 2 : 1;
  if (c->i < c->n) c->i++;
  return start;
}

/* Skips one value of any nesting with a depth counter (no recursion). */
static void skip_value(scan *c) {
  size_t depth = 0;
  do {
    skip_space(c);
    if (c->i >= c->n) return;
    char ch = c->s[c->i];
    if (ch == '"') {
      skip_string(c);
    } else if (ch == '{' || ch == '[') {
      depth++;
      c->i++;
    } else if (ch == '}' || ch == ']') {
      if (depth) depth--;
      c->i++;
    } else if (ch == ',' || ch == ':') {
      c->i++;
    } else {
      while (c->i < c->n && !strchr(" \t\r\n,:]}", c->s[c->i])) c->i++;
    }
  } while (depth > 0 && c->i < c->n);
}

/* Moves to the value of member `key` of the object at the cursor; 0 if it has none. */
static int enter_member(scan *c, const char *key, size_t *key_at) {
  c->i++; /* '{' */
  size_t klen = strlen(key);
  for (;;) {
    skip_space(c);
    if (c->i >= c->n || c->s[c->i] != '"') return 0;
    *key_at = c->i;
    size_t start = skip_string(c);
    size_t len = c->i - start - 1;
    skip_space(c);
    if (c->i < c->n && c->s[c->i] == ':') c->i++;
    skip_space(c);
    if (len == klen && memcmp(c->s + start, key, klen) == 0) return 1;
    skip_value(c);
    skip_space(c);
    if (c->i >= c->n || c->s[c->i] != ',') return 0;
    c->i++;
  }
}

/* Moves to element `index` of the array at the cursor; 0 if it has fewer. */
static int enter_element(scan *c, int index) {
  c->i++; /* '[' */
  for (int k = 0;; k++) {
    skip_space(c);
    if (c->i >= c->n || c->s[c->i] == ']') return 0;
    if (k == index) return 1;
    skip_value(c);
    skip_space(c);
    if (c->i >= c->n || c->s[c->i] != ',') return 0;
    c->i++;
  }
}

/* Line and column (from 1) of byte `offset`; columns count characters, not UTF-8 bytes. */
static void position(const char *text, size_t offset, uint32_t *line, uint32_t *col) {
  uint32_t l = 1, c = 1;
  for (size_t i = 0; i < offset; i++) {
    if (text[i] == '\n') {
      l++;
      c = 1;
    } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
      c++;
    }
  }
  *line = l;
  *col = c;
}

int sc_json_locate(const char *text, size_t length, const sc_seg *path, size_t depth, int at_key, uint32_t *line,
                   uint32_t *col) {
  scan c = { text, length, 0 };
  size_t key_at = 0;
  skip_space(&c);
  for (size_t k = 0; k < depth; k++) {
    if (c.i >= c.n) return 0;
    if (path[k].key) {
      if (c.s[c.i] != '{' || !enter_member(&c, path[k].key, &key_at)) return 0;
    } else {
      if (c.s[c.i] != '[' || !enter_element(&c, path[k].index)) return 0;
      key_at = c.i;
    }
  }
  if (c.i >= c.n) return 0;
  position(text, at_key && depth ? key_at : c.i, line, col);
  return 1;
}

static int is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

void sc_json_error_position(const char *text, size_t length, const char *end, uint32_t *line, uint32_t *col) {
  size_t offset = end ? (size_t)(end - text) : length;
  if (offset > length) offset = length;
  /* cJSON may stop past the bad token, on whitespace or at the end: step back onto it. */
  while (offset > 0 && (offset >= length || is_space(text[offset]))) offset--;
  position(text, offset, line, col);
}
