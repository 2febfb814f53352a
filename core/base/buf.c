#include "base/buf.h"

#include <stdio.h>
#include <string.h>

fp_buf fp_buf_make(fp_alloc *a) {
  fp_buf b = { a, NULL, 0, 0, 0 };
  return b;
}

static int reserve(fp_buf *b, size_t extra) {
  if (b->failed) return 0;
  if (b->len + extra + 1 <= b->cap) return 1;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) {
    if (cap > ((size_t)-1) / 2) {
      b->failed = 1;
      return 0;
    }
    cap *= 2;
  }
  char *data = fp_realloc(b->alloc, b->data, cap);
  if (!data) {
    b->failed = 1;
    return 0;
  }
  b->data = data;
  b->cap = cap;
  return 1;
}

void fp_buf_append(fp_buf *b, const char *s, size_t n) {
  if (!reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void fp_buf_puts(fp_buf *b, const char *s) { fp_buf_append(b, s, strlen(s)); }

void fp_buf_putc(fp_buf *b, char c) { fp_buf_append(b, &c, 1); }

void fp_buf_vprintf(fp_buf *b, const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0 || !reserve(b, (size_t)n)) return;
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  b->len += (size_t)n;
}

void fp_buf_printf(fp_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fp_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

char *fp_buf_take(fp_buf *b) {
  if (b->failed) {
    fp_buf_free(b);
    return NULL;
  }
  if (!reserve(b, 0)) return NULL;
  b->data[b->len] = '\0';
  char *out = b->data;
  b->data = NULL;
  b->len = b->cap = 0;
  return out;
}

void fp_buf_free(fp_buf *b) {
  fp_free(b->alloc, b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = 0;
}
