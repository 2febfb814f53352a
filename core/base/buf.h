/* buf.h: a growable byte string (for JSON, text logs, diagnostics).
 * Ownership: fp_buf_take hands the bytes to the caller (fp_free on the buffer's fp_alloc);
 * otherwise fp_buf_free releases them. After an allocation failure the buffer stays
 * consistent, stops growing and reports it through `failed`. */
#ifndef FP_BASE_BUF_H
#define FP_BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "base/alloc.h"

typedef struct fp_buf {
  fp_alloc *alloc;
  char *data;  /* NUL-terminated when len > 0 or after fp_buf_take */
  size_t len;
  size_t cap;
  int failed;  /* an append could not grow the buffer */
} fp_buf;

/* An empty buffer that allocates from `a`. */
fp_buf fp_buf_make(fp_alloc *a);

/* Appends `n` bytes. */
void fp_buf_append(fp_buf *b, const char *s, size_t n);

/* Appends a NUL-terminated string. */
void fp_buf_puts(fp_buf *b, const char *s);

/* Appends one character. */
void fp_buf_putc(fp_buf *b, char c);

/* Appends printf-formatted text. */
void fp_buf_printf(fp_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Appends printf-formatted text from a va_list. */
void fp_buf_vprintf(fp_buf *b, const char *fmt, va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 0)))
#endif
    ;

/* Returns the NUL-terminated contents (never NULL) and leaves the buffer empty; NULL if an
 * append failed. Caller frees with fp_free(alloc, ...). */
char *fp_buf_take(fp_buf *b);

/* Releases the contents. */
void fp_buf_free(fp_buf *b);

#endif
