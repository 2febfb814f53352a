/* kapi_lang.c: the routines of KAPIS_LANG (DbgPrint, DbgPrintEx, vDbgPrintEx,
 * vDbgPrintExWithPrefix, RtlCopyUnicodeString, RtlPrefixUnicodeString) and the engine services the language's VM uses (kapi_lang.h).
 * Conventions as in kapi_ex.c: memory is touched through kapi_read/kapi_write (kernel code
 * acting for the driver), so a bad pointer faults as Windows faults in a kernel routine. */
#include "engine/kapi_lang.h"

#include <stdio.h>
#include <string.h>

#include "engine/callback.h"
#include "engine/kapi.h"
#include "engine/mem.h"
#include "engine/rules.h"
#include "kstruct/kstruct.h"
#include "nt/nt.h"

#define A(i) (c->args[i])
#define US(f) ks_offset(KS_UNICODE_STRING_##f)
#define DBG_MAX 512u /* characters of one DbgPrint line (Windows truncates at 512) */

/* ---- DbgPrint --------------------------------------------------------------------------------------- */

typedef struct out {
  char text[DBG_MAX + 1];
  uint32_t len;
} out;

static void put(out *o, const char *s, size_t n) {
  for (size_t i = 0; i < n && o->len < DBG_MAX; i++) o->text[o->len++] = s[i];
  o->text[o->len] = '\0';
}

static void putc_(out *o, char ch) { put(o, &ch, 1); }

/* Appends a narrow (wide = 0) or UTF-16 (wide = 1) string of at most `max` units (0: up to
 * its NUL) read at `address`. */
static kapi_result put_string(kapi_call *c, out *o, uint64_t address, int wide, uint32_t max) {
  if (!address) {
    put(o, "(null)", 6);
    return KAPI_DONE;
  }
  uint32_t limit = max ? max : DBG_MAX;
  for (uint32_t i = 0; i < limit && o->len < DBG_MAX; i++) {
    uint16_t ch = 0;
    kapi_result r = kapi_read(c, address + (uint64_t)i * (wide ? 2u : 1u), &ch, wide ? 2 : 1);
    if (r != KAPI_DONE) return r;
    if (!ch && !max) break;
    if (ch < 0x80) {
      putc_(o, (char)ch);
    } else if (!wide) {
      putc_(o, (char)ch);
    } else if (ch < 0x800) {
      putc_(o, (char)(0xC0 | (ch >> 6)));
      putc_(o, (char)(0x80 | (ch & 0x3F)));
    } else {
      putc_(o, (char)(0xE0 | (ch >> 12)));
      putc_(o, (char)(0x80 | ((ch >> 6) & 0x3F)));
      putc_(o, (char)(0x80 | (ch & 0x3F)));
    }
  }
  return KAPI_DONE;
}

typedef struct spec {
  int left, zero, plus, space, alt;
  int width, precision;     /* -1: none */
} spec;

/* One integer conversion with printf's flags, width and precision. */
static void put_int(out *o, const spec *sp, uint64_t mag, int negative, unsigned base, int upper, int is_signed) {
  char digits[72];
  int nd = 0;
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    digits[nd++] = set[mag % base];
    mag /= base;
  } while (mag && nd < 70);
  if (sp->precision == 0 && nd == 1 && digits[0] == '0') nd = 0;
  int zeros = sp->precision > nd ? sp->precision - nd : 0;
  char prefix[3];
  int np = 0;
  if (is_signed) {
    if (negative) prefix[np++] = '-';
    else if (sp->plus) prefix[np++] = '+';
    else if (sp->space) prefix[np++] = ' ';
  }
  if (sp->alt && base == 16 && nd) {
    prefix[np++] = '0';
    prefix[np++] = upper ? 'X' : 'x';
  }
  if (sp->alt && base == 8 && zeros == 0) zeros = 1;
  int len = np + zeros + nd;
  int pad = sp->width > len ? sp->width - len : 0;
  if (!sp->left && !(sp->zero && sp->precision < 0))
    for (int i = 0; i < pad; i++) putc_(o, ' ');
  put(o, prefix, (size_t)np);
  if (!sp->left && sp->zero && sp->precision < 0)
    for (int i = 0; i < pad; i++) putc_(o, '0');
  for (int i = 0; i < zeros; i++) putc_(o, '0');
  while (nd) putc_(o, digits[--nd]);
  if (sp->left)
    for (int i = 0; i < pad; i++) putc_(o, ' ');
}

/* Where a format's values come from: the call's arguments from `first` on, or (use_va) a
 * va_list at `va`: 8 bytes per value in the caller's memory. */
typedef struct args_src {
  uint32_t first;
  int use_va;
  uint64_t va;
} args_src;

/* Value `arg` (counted from the first value); 0 past the call's arguments. */
static kapi_result arg_at(kapi_call *c, const args_src *s, uint32_t arg, uint64_t *v) {
  *v = 0;
  if (s->use_va) return kapi_read(c, s->va + 8u * (uint64_t)arg, v, 8);
  if (s->first + arg < c->argc) *v = A(s->first + arg);
  return KAPI_DONE;
}

/* Formats like the kernel's printf (ntoskrnl's vsnprintf): the format at `fmt`, values from
 * `src`. Unknown conversions are copied as written. */
static kapi_result format(kapi_call *c, uint64_t fmt, const args_src *src, out *o) {
  uint32_t arg = 0;
  uint64_t av;
  kapi_result ar;
  char f[DBG_MAX + 1];
  uint32_t n = 0;
  for (; n < DBG_MAX; n++) {
    uint8_t ch;
    kapi_result r = kapi_read(c, fmt + n, &ch, 1);
    if (r != KAPI_DONE) return r;
    if (!ch) break;
    f[n] = (char)ch;
  }
  f[n] = '\0';
  for (uint32_t i = 0; i < n && o->len < DBG_MAX;) {
    if (f[i] != '%') {
      putc_(o, f[i++]);
      continue;
    }
    uint32_t start = i++;
    spec sp = { 0, 0, 0, 0, 0, 0, -1 };
    for (; i < n && strchr("-+ #0", f[i]); i++) {
      if (f[i] == '-') sp.left = 1;
      else if (f[i] == '+') sp.plus = 1;
      else if (f[i] == ' ') sp.space = 1;
      else if (f[i] == '#') sp.alt = 1;
      else sp.zero = 1;
    }
    if (i < n && f[i] == '*') {
      if ((ar = arg_at(c, src, arg, &av)) != KAPI_DONE) return ar;
      sp.width = (int)(int32_t)av;
      arg++;
      i++;
      if (sp.width < 0) {
        sp.left = 1;
        sp.width = -sp.width;
      }
    } else {
      while (i < n && f[i] >= '0' && f[i] <= '9') sp.width = sp.width * 10 + (f[i++] - '0');
    }
    if (sp.width > 256) sp.width = 256;
    if (i < n && f[i] == '.') {
      i++;
      sp.precision = 0;
      if (i < n && f[i] == '*') {
        if ((ar = arg_at(c, src, arg, &av)) != KAPI_DONE) return ar;
        sp.precision = (int)(int32_t)av;
        arg++;
        i++;
      } else {
        while (i < n && f[i] >= '0' && f[i] <= '9') sp.precision = sp.precision * 10 + (f[i++] - '0');
      }
      if (sp.precision > 256) sp.precision = 256;
    }
    int wide64 = 0, wide_str = 0, half = 0;
    for (;;) {
      if (n - i >= 3 && strncmp(f + i, "I64", 3) == 0) { wide64 = 1; i += 3; continue; }
      if (n - i >= 3 && strncmp(f + i, "I32", 3) == 0) { i += 3; continue; }
      if (i < n && (f[i] == 'I' || f[i] == 'z' || f[i] == 'j' || f[i] == 't')) { wide64 = 1; i++; continue; }
      if (n - i >= 2 && f[i] == 'l' && f[i + 1] == 'l') { wide64 = 1; i += 2; continue; }
      if (i < n && f[i] == 'l') { wide_str = 1; i++; continue; } /* long is 32 bits; %ls is wide */
      if (i < n && f[i] == 'w') { wide_str = 1; i++; continue; }
      if (i < n && f[i] == 'h') { half++; i++; continue; }
      break;
    }
    if (i >= n) {
      put(o, f + start, i - start);
      break;
    }
    char conv = f[i++];
    uint64_t v = 0;
    if (conv != '%' && strchr("diuxXopcCsSZ", conv) && (ar = arg_at(c, src, arg, &v)) != KAPI_DONE) return ar;
    switch (conv) {
    case '%':
      putc_(o, '%');
      continue;
    case 'd': case 'i': {
      arg++;
      int64_t x = wide64 ? (int64_t)v : half == 1 ? (int64_t)(int16_t)v : half >= 2 ? (int64_t)(int8_t)v : (int64_t)(int32_t)v;
      put_int(o, &sp, x < 0 ? 0 - (uint64_t)x : (uint64_t)x, x < 0, 10, 0, 1);
      continue;
    }
    case 'u': case 'x': case 'X': case 'o': {
      arg++;
      uint64_t x = wide64 ? v : half == 1 ? (uint16_t)v : half >= 2 ? (uint8_t)v : (uint32_t)v;
      put_int(o, &sp, x, 0, conv == 'u' ? 10u : conv == 'o' ? 8u : 16u, conv == 'X', 0);
      continue;
    }
    case 'p': {
      arg++;
      spec p = { 0, 1, 0, 0, 0, 16, -1 };
      put_int(o, &p, v, 0, 16, 1, 0);
      continue;
    }
    case 'c': case 'C': {
      arg++;
      uint16_t ch = (uint16_t)v;
      putc_(o, ch < 0x80 || (conv == 'c' && !wide_str) ? (char)ch : '?');
      continue;
    }
    case 's': case 'S': {
      arg++;
      int wide = conv == 'S' || wide_str;
      out tmp;
      tmp.len = 0;
      tmp.text[0] = '\0';
      kapi_result r = put_string(c, &tmp, v, wide, sp.precision > 0 ? (uint32_t)sp.precision : 0);
      if (r != KAPI_DONE) return r;
      int pad = sp.width > (int)tmp.len ? sp.width - (int)tmp.len : 0;
      if (!sp.left)
        for (int k = 0; k < pad; k++) putc_(o, ' ');
      put(o, tmp.text, tmp.len);
      if (sp.left)
        for (int k = 0; k < pad; k++) putc_(o, ' ');
      continue;
    }
    case 'Z': {
      /* %Z: an ANSI_STRING, %wZ: a UNICODE_STRING (Length in bytes, not terminated) */
      arg++;
      if (!v) {
        put(o, "(null)", 6);
        continue;
      }
      uint16_t len = 0;
      uint64_t buffer = 0;
      kapi_result r = kapi_read(c, v + US(Length), &len, 2);
      if (r == KAPI_DONE) r = kapi_read(c, v + US(Buffer), &buffer, 8);
      if (r != KAPI_DONE) return r;
      uint32_t units = wide_str ? len / 2u : len;
      if (units == 0) continue;
      r = put_string(c, o, buffer, wide_str, units);
      if (r != KAPI_DONE) return r;
      continue;
    }
    default:
      put(o, f + start, i - start);
      continue;
    }
  }
  return KAPI_DONE;
}

static kapi_result print(kapi_call *c, uint64_t prefix, uint64_t fmt, uint32_t first, int use_va, uint64_t va) {
  out o;
  o.len = 0;
  o.text[0] = '\0';
  args_src src = { first, use_va, va };
  kapi_result r = KAPI_DONE;
  if (prefix) r = put_string(c, &o, prefix, 0, 0);
  if (r == KAPI_DONE) r = format(c, fmt, &src, &o);
  if (r != KAPI_DONE) return r;
  trc_event *ev = eng_event(c->e, c->t, TRC_DBG_PRINT);
  if (ev) {
    ev->instance = (int16_t)(c->cb ? c->cb->instance : -1);
    ev->op = c->cb ? c->cb->op : -1;
    ev->str = trc_intern(&c->e->trace, o.text);
  }
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

kapi_result kapi_DbgPrint(kapi_call *c) { return print(c, 0, A(0), 1, 0, 0); }

kapi_result kapi_DbgPrintEx(kapi_call *c) { return print(c, 0, A(2), 3, 0, 0); }

/* The va_list forms: the values are read from the list as the format asks for them. */
kapi_result kapi_vDbgPrintEx(kapi_call *c) { return print(c, 0, A(2), 0, 1, A(3)); }

kapi_result kapi_vDbgPrintExWithPrefix(kapi_call *c) { return print(c, A(0), A(3), 0, 1, A(4)); }

/* ---- UNICODE_STRING ------------------------------------------------------------------------------------------ */

kapi_result kapi_RtlCopyUnicodeString(kapi_call *c) {
  uint64_t dest = A(0), src = A(1);
  kapi_result r;
  uint16_t zero = 0;
  if (!src) return kapi_write(c, dest + US(Length), &zero, 2);
  uint16_t slen = 0, dmax = 0;
  uint64_t sbuf = 0, dbuf = 0;
  if ((r = kapi_read(c, src + US(Length), &slen, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, src + US(Buffer), &sbuf, 8)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, dest + US(MaximumLength), &dmax, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, dest + US(Buffer), &dbuf, 8)) != KAPI_DONE) return r;
  uint16_t n = slen < dmax ? slen : dmax;
  n &= (uint16_t)~1u;
  uint8_t chunk[64];
  for (uint16_t done = 0; done < n;) {
    uint32_t k = (uint32_t)(n - done) < (uint32_t)sizeof chunk ? (uint32_t)(n - done) : (uint32_t)sizeof chunk;
    if ((r = kapi_read(c, sbuf + done, chunk, k)) != KAPI_DONE) return r;
    if ((r = kapi_write(c, dbuf + done, chunk, k)) != KAPI_DONE) return r;
    done = (uint16_t)(done + k);
  }
  if ((r = kapi_write(c, dest + US(Length), &n, 2)) != KAPI_DONE) return r;
  /* the copy is terminated when there is room for the NUL */
  if ((uint32_t)n + 2u <= dmax) r = kapi_write(c, dbuf + n, &zero, 2);
  return r;
}

static uint16_t fold(uint16_t ch) { return ch >= 'a' && ch <= 'z' ? (uint16_t)(ch - 32) : ch; }

kapi_result kapi_RtlPrefixUnicodeString(kapi_call *c) {
  uint16_t l1 = 0, l2 = 0;
  uint64_t b1 = 0, b2 = 0;
  kapi_result r;
  if ((r = kapi_read(c, A(0) + US(Length), &l1, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(0) + US(Buffer), &b1, 8)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(1) + US(Length), &l2, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(1) + US(Buffer), &b2, 8)) != KAPI_DONE) return r;
  c->ret = 0;
  if (l1 > l2) return KAPI_DONE;
  for (uint16_t i = 0; i < l1 / 2; i++) {
    uint16_t x, y;
    if ((r = kapi_read(c, b1 + 2u * i, &x, 2)) != KAPI_DONE) return r;
    if ((r = kapi_read(c, b2 + 2u * i, &y, 2)) != KAPI_DONE) return r;
    if ((uint8_t)A(2)) {
      x = fold(x);
      y = fold(y);
    }
    if (x != y) return KAPI_DONE;
  }
  c->ret = 1;
  return KAPI_DONE;
}

/* Appends `n` bytes at `src` to the counted string at `dest` (the Rtl*Append* routines). */
static kapi_result append(kapi_call *c, uint64_t dest, uint64_t src, uint32_t n) {
  uint16_t len = 0, max = 0, zero = 0;
  uint64_t buf = 0;
  kapi_result r;
  if ((r = kapi_read(c, dest + US(Length), &len, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, dest + US(MaximumLength), &max, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, dest + US(Buffer), &buf, 8)) != KAPI_DONE) return r;
  c->ret = STATUS_SUCCESS;
  if (!n) return KAPI_DONE;
  if ((uint32_t)len + n > max) {
    c->ret = STATUS_BUFFER_TOO_SMALL;
    return KAPI_DONE;
  }
  uint8_t chunk[64];
  for (uint32_t done = 0; done < n;) {
    uint32_t k = n - done < (uint32_t)sizeof chunk ? n - done : (uint32_t)sizeof chunk;
    if ((r = kapi_read(c, src + done, chunk, k)) != KAPI_DONE) return r;
    if ((r = kapi_write(c, buf + len + done, chunk, k)) != KAPI_DONE) return r;
    done += k;
  }
  len = (uint16_t)(len + n);
  if ((r = kapi_write(c, dest + US(Length), &len, 2)) != KAPI_DONE) return r;
  if ((uint32_t)len + 2u <= max) r = kapi_write(c, buf + len, &zero, 2); /* terminated when there is room */
  return r;
}

kapi_result kapi_RtlAppendUnicodeStringToString(kapi_call *c) {
  uint16_t slen = 0;
  uint64_t sbuf = 0;
  kapi_result r;
  if ((r = kapi_read(c, A(1) + US(Length), &slen, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(1) + US(Buffer), &sbuf, 8)) != KAPI_DONE) return r;
  return append(c, A(0), sbuf, slen);
}

kapi_result kapi_RtlAppendUnicodeToString(kapi_call *c) {
  uint32_t n = 0;
  kapi_result r;
  if (A(1))
    for (;; n += 2) {
      uint16_t ch;
      if ((r = kapi_read(c, A(1) + n, &ch, 2)) != KAPI_DONE) return r;
      if (!ch || n >= 0xFFFC) break;
    }
  return append(c, A(0), A(1), n);
}

/* Upper case as the kernel's table has it for ASCII and Latin-1. */
kapi_result kapi_RtlUpcaseUnicodeChar(kapi_call *c) {
  uint16_t ch = (uint16_t)A(0);
  if ((ch >= 'a' && ch <= 'z') || (ch >= 0xE0 && ch <= 0xFE && ch != 0xF7)) ch = (uint16_t)(ch - 0x20);
  else if (ch == 0xFF) ch = 0x178;
  c->ret = ch;
  return KAPI_DONE;
}

/* RtlInitString/RtlInitAnsiString: STRING has UNICODE_STRING's layout with CHAR units. */
static kapi_result init_string(kapi_call *c) {
  uint64_t dest = A(0), src = A(1);
  uint16_t len = 0;
  kapi_result r;
  if (src)
    for (;; len++) {
      uint8_t ch;
      if ((r = kapi_read(c, src + len, &ch, 1)) != KAPI_DONE) return r;
      if (!ch || len >= 0xFFFE) break;
    }
  uint16_t max = src ? (uint16_t)(len + 1) : 0;
  if ((r = kapi_write(c, dest + US(Length), &len, 2)) != KAPI_DONE) return r;
  if ((r = kapi_write(c, dest + US(MaximumLength), &max, 2)) != KAPI_DONE) return r;
  return kapi_write(c, dest + US(Buffer), &src, 8);
}

kapi_result kapi_RtlInitAnsiString(kapi_call *c) { return init_string(c); }

kapi_result kapi_RtlInitString(kapi_call *c) { return init_string(c); }

static int digit_of(uint16_t ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return 99;
}

kapi_result kapi_RtlUnicodeStringToInteger(kapi_call *c) {
  uint16_t len = 0;
  uint64_t buf = 0;
  uint32_t base = (uint32_t)A(1);
  kapi_result r;
  if ((r = kapi_read(c, A(0) + US(Length), &len, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(0) + US(Buffer), &buf, 8)) != KAPI_DONE) return r;
  c->ret = STATUS_INVALID_PARAMETER;
  if (base != 0 && base != 2 && base != 8 && base != 10 && base != 16) return KAPI_DONE;
  /* the characters that matter: blanks, a sign, a prefix and the digits (a number ends at the
   * first character that is not a digit of its base) */
  uint16_t text[512];
  uint32_t n = len / 2u < 512u ? len / 2u : 512u;
  for (uint32_t j = 0; j < n; j++)
    if ((r = kapi_read(c, buf + 2u * j, &text[j], 2)) != KAPI_DONE) return r;
  uint32_t i = 0, value = 0;
  int negative = 0;
  while (i < n && (text[i] == ' ' || text[i] == '\t')) i++;
  if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  if (base == 0) {
    base = 10;
    if (i + 1 < n && text[i] == '0') {
      if (text[i + 1] == 'x') base = 16;
      else if (text[i + 1] == 'o') base = 8;
      else if (text[i + 1] == 'b') base = 2;
      if (base != 10) i += 2;
    }
  }
  for (; i < n && (uint32_t)digit_of(text[i]) < base; i++) value = value * base + (uint32_t)digit_of(text[i]);
  if (negative) value = 0u - value;
  c->ret = STATUS_SUCCESS;
  return kapi_write(c, A(2), &value, 4);
}

kapi_result kapi_RtlIntegerToUnicodeString(kapi_call *c) {
  uint32_t value = (uint32_t)A(0), base = (uint32_t)A(1) ? (uint32_t)A(1) : 10u;
  c->ret = STATUS_INVALID_PARAMETER;
  if (base != 2 && base != 8 && base != 10 && base != 16) return KAPI_DONE;
  uint16_t digits[33];
  uint16_t n = 0;
  do {
    uint32_t d = value % base;
    digits[n++] = (uint16_t)(d < 10 ? '0' + d : 'A' + d - 10);
    value /= base;
  } while (value);
  uint16_t max = 0, zero = 0;
  uint64_t buf = 0;
  kapi_result r;
  if ((r = kapi_read(c, A(2) + US(MaximumLength), &max, 2)) != KAPI_DONE) return r;
  if ((r = kapi_read(c, A(2) + US(Buffer), &buf, 8)) != KAPI_DONE) return r;
  uint16_t bytes = (uint16_t)(n * 2u);
  if ((uint32_t)bytes + 2u > max) { /* as RtlAnsiStringToUnicodeString: room for the NUL too */
    c->ret = STATUS_BUFFER_OVERFLOW;
    return KAPI_DONE;
  }
  for (uint16_t i = 0; i < n; i++)
    if ((r = kapi_write(c, buf + 2u * i, &digits[n - 1 - i], 2)) != KAPI_DONE) return r;
  if ((r = kapi_write(c, A(2) + US(Length), &bytes, 2)) != KAPI_DONE) return r;
  if ((r = kapi_write(c, buf + bytes, &zero, 2)) != KAPI_DONE) return r;
  c->ret = STATUS_SUCCESS;
  return KAPI_DONE;
}

/* ---- Time ------------------------------------------------------------------------------------------------- */

/* The system time: 2024-01-01 00:00 UTC when the run starts, one millisecond per trace event
 * (the engine's clock), in 100 ns units since 1601 as Windows counts. */
kapi_result kapi_KeQuerySystemTime(kapi_call *c) {
  uint64_t now = 133485408000000000ull + c->e->time * 10000ull;
  return kapi_write(c, A(0), &now, 8);
}

/* ---- Services for the VM --------------------------------------------------------------------------------- */

static uint64_t pc_of(const fp_kctx *k) { return k->cb ? k->cb->fn->address : 0; }

static fp_kresult from_mem(mem_result r) {
  return r == MEM_OK ? FP_K_DONE : r == MEM_EXCEPTION ? FP_K_EXCEPTION : FP_K_STOP;
}

fp_kresult kapi_lang_raise(fp_kctx *k, uint32_t code) {
  return from_mem(mem_raise(k->e, k->t, code, pc_of(k), 0, 0));
}

int *kapi_lang_store_flag(fp_kctx *k) { return &k->wrote; }

fp_kresult kapi_lang_execute(fp_kctx *k, uint64_t address) {
  if (k->t->irql < DISPATCH_LEVEL) return FP_K_DONE;
  const km_block *b = km_find(k->e->mem, address);
  if (b && b->pageable && !b->resident) {
    mem_fault_execute(k->e, k->t, address, k->cb ? k->cb->driver : -1);
    return FP_K_STOP;
  }
  return FP_K_DONE;
}

fp_kresult kapi_lang_bad_call(fp_kctx *k, uint64_t address) {
  if (k->t->irql < DISPATCH_LEVEL && address < KM_USER_LIMIT) {
    /* an access violation on the execute of a user address: catchable */
    return from_mem(mem_raise(k->e, k->t, STATUS_ACCESS_VIOLATION, address, 8, address));
  }
  mem_bad_call(k->e, k->t, address);
  return FP_K_STOP;
}

void kapi_lang_budget(fp_kctx *k, const char *what) {
  engine *e = k->e;
  if (e->end) return;
  trc_event *ev = eng_event(e, k->t, TRC_RUN_END);
  if (ev) {
    ev->a = FP_END_BUDGET;
    ev->str = trc_intern(&e->trace, what);
  }
  sim_stop(e, FP_END_BUDGET);
}

fp_kresult kapi_lang_fastfail(fp_kctx *k, uint32_t code) {
  /* KERNEL_SECURITY_CHECK_FAILURE: P1 the type of corruption (3: a LIST_ENTRY). */
  rules_bugcheck(k->e, k->t, RULE_NONE, 0x139, code, 0, 0, 0);
  return FP_K_STOP;
}

struct km_space *kapi_lang_space(const fp_kctx *k) { return k->e->mem; }

uint32_t kapi_lang_process(const fp_kctx *k) { return (uint32_t)k->t->process; }

void kapi_lang_running(fp_kctx *k, int32_t index) { k->running = index; }
