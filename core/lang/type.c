/* type.c: C types on Windows x64 and MSVC's structure layout (type.h). */
#include "lang/type.h"

#include <stdio.h>
#include <string.h>

ty_type *ty_new(cx *c, ty_kind kind, uint32_t size, uint32_t align) {
  ty_type *t = ar_alloc(&c->ar, sizeof *t);
  t->kind = kind;
  t->size = size;
  t->align = align;
  t->complete = 1;
  t->origin = t;
  return t;
}

static ty_type *basic(cx *c, ty_kind kind, uint32_t size, int is_unsigned) {
  ty_type *t = ty_new(c, kind, size, size ? size : 1);
  t->is_unsigned = (uint8_t)is_unsigned;
  return t;
}

void ty_init(cx *c, ty_basics *b) {
  b->void_ = basic(c, TY_VOID, 0, 0);
  b->void_->complete = 0;
  b->bool_ = basic(c, TY_BOOL, 1, 1);
  b->char_ = basic(c, TY_CHAR, 1, 0);
  b->schar = basic(c, TY_SCHAR, 1, 0);
  b->uchar = basic(c, TY_UCHAR, 1, 1);
  b->short_ = basic(c, TY_SHORT, 2, 0);
  b->ushort = basic(c, TY_USHORT, 2, 1);
  b->int_ = basic(c, TY_INT, 4, 0);
  b->uint = basic(c, TY_UINT, 4, 1);
  b->long_ = basic(c, TY_LONG, 4, 0);
  b->ulong = basic(c, TY_ULONG, 4, 1);
  b->llong = basic(c, TY_LLONG, 8, 0);
  b->ullong = basic(c, TY_ULLONG, 8, 1);
  b->error = basic(c, TY_ERROR, 1, 0);
  b->void_ptr = ty_pointer_to(c, b->void_);
  b->char_ptr = ty_pointer_to(c, b->char_);
  b->wchar = ty_named(c, b->ushort, "wchar_t");
  b->size_t_ = ty_named(c, b->ullong, "size_t");
}

ty_type *ty_pointer_to(cx *c, ty_type *base) {
  ty_type *t = ty_new(c, TY_PTR, 8, 8);
  t->is_unsigned = 1;
  t->base = base;
  return t;
}

ty_type *ty_array_of(cx *c, ty_type *base, uint32_t len, int complete) {
  uint64_t size = (uint64_t)base->size * len;
  ty_type *t = ty_new(c, TY_ARRAY, size > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)size, base->align);
  t->base = base;
  t->array_len = len;
  t->complete = (uint8_t)complete;
  return t;
}

ty_type *ty_func(cx *c, ty_type *ret) {
  ty_type *t = ty_new(c, TY_FUNC, 1, 1);
  t->base = ret;
  return t;
}

static ty_type *copy_of(cx *c, ty_type *t) {
  ty_type *q = ar_alloc(&c->ar, sizeof *q);
  *q = *t;
  q->copies = NULL;
  if (ty_is_record(t)) {
    ty_type *o = ty_unqual(t);
    q->next_copy = o->copies;
    o->copies = q;
  }
  return q;
}

ty_type *ty_qualified(cx *c, ty_type *t, int is_const, int is_volatile) {
  if ((!is_const || t->is_const) && (!is_volatile || t->is_volatile)) return t;
  ty_type *q = copy_of(c, t);
  q->is_const = (uint8_t)(t->is_const | is_const);
  q->is_volatile = (uint8_t)(t->is_volatile | is_volatile);
  return q;
}

ty_type *ty_named(cx *c, ty_type *t, const char *name) {
  ty_type *q = copy_of(c, t);
  q->name = name;
  return q;
}

ty_type *ty_unqual(ty_type *t) { return t->origin ? t->origin : t; }

int ty_rank(const ty_type *t) {
  switch (t->kind) {
  case TY_BOOL: case TY_CHAR: case TY_SCHAR: case TY_UCHAR: return 1;
  case TY_SHORT: case TY_USHORT: return 2;
  case TY_INT: case TY_UINT: case TY_LONG: case TY_ULONG: case TY_ENUM: return 3;
  case TY_LLONG: case TY_ULLONG: return 4;
  default: return 0;
  }
}

ty_type *ty_promote(const ty_basics *b, ty_type *t) {
  if (t->kind == TY_ERROR) return t;
  if (ty_rank(t) < 3 && ty_is_integer(t)) return b->int_;
  if (t->kind == TY_ENUM) return b->int_;
  return t;
}

ty_type *ty_common(const ty_basics *b, ty_type *x, ty_type *y) {
  if (x->kind == TY_ERROR || y->kind == TY_ERROR) return b->error;
  x = ty_promote(b, x);
  y = ty_promote(b, y);
  int rx = ty_rank(x), ry = ty_rank(y);
  ty_kind kx = ty_unqual(x)->kind, ky = ty_unqual(y)->kind;
  if (kx == ky) return ty_unqual(x);
  if (x->is_unsigned == y->is_unsigned) return rx >= ry ? ty_unqual(x) : ty_unqual(y);
  ty_type *u = x->is_unsigned ? x : y, *s = x->is_unsigned ? y : x;
  if (ty_rank(u) >= ty_rank(s)) return ty_unqual(u);
  if (s->size > u->size) return ty_unqual(s);
  /* long vs unsigned int on LLP64: both 32 bits: unsigned long */
  return s->kind == TY_LLONG ? b->ullong : b->ulong;
}

int ty_compatible(ty_type *a, ty_type *b) {
  if (a->kind == TY_ERROR || b->kind == TY_ERROR) return 1;
  a = ty_unqual(a);
  b = ty_unqual(b);
  if (a == b) return 1;
  if (a->kind == TY_ENUM && b->kind == TY_INT) return 1;
  if (b->kind == TY_ENUM && a->kind == TY_INT) return 1;
  if (a->kind != b->kind) return 0;
  switch (a->kind) {
  case TY_PTR:
    return ty_compatible(a->base, b->base);
  case TY_ARRAY:
    return ty_compatible(a->base, b->base) && (!a->complete || !b->complete || a->array_len == b->array_len);
  case TY_FUNC: {
    if (!ty_compatible(a->base, b->base)) return 0;
    if (a->no_prototype || b->no_prototype) return 1;
    if (a->nparams != b->nparams || a->variadic != b->variadic) return 0;
    for (ty_param *p = a->params, *q = b->params; p && q; p = p->next, q = q->next)
      if (!ty_compatible(p->type, q->type)) return 0;
    return 1;
  }
  case TY_STRUCT: case TY_UNION: case TY_ENUM:
    return 0;
  default:
    return 1; /* the same basic kind */
  }
}

static uint32_t align_to(uint32_t n, uint32_t a) { return a ? (n + a - 1) / a * a : n; }

void ty_layout(cx *c, ty_type *t, uint32_t pack) {
  uint64_t offset = 0, size = 0;
  uint32_t align = 1;
  /* the open bit-field unit: its offset, its size in bytes, the bits used */
  uint64_t unit_off = 0;
  uint32_t unit_size = 0, unit_used = 0;
  for (ty_member *m = t->members; m; m = m->next) {
    uint32_t a = m->type->align ? m->type->align : 1;
    if (pack && a > pack) a = pack;
    if (m->type->declspec_align > a) a = m->type->declspec_align;
    if (m->align > a) a = m->align; /* a member's own __declspec(align) */
    m->align = a;
    if (a > align) align = a;
    if (t->kind == TY_UNION) {
      m->offset = 0;
      m->bit_offset = 0;
      if (m->type->size > size) size = m->type->size;
      continue;
    }
    if (m->is_bitfield) {
      uint32_t usize = m->type->size;
      if (m->bit_width == 0) {
        unit_size = 0;
        continue;
      }
      if (unit_size == usize && unit_used + m->bit_width <= usize * 8) {
        m->offset = (uint32_t)unit_off;
        m->bit_offset = (uint8_t)unit_used;
        unit_used += m->bit_width;
        continue;
      }
      offset = align_to((uint32_t)offset, a);
      unit_off = offset;
      unit_size = usize;
      unit_used = m->bit_width;
      m->offset = (uint32_t)offset;
      m->bit_offset = 0;
      offset += usize;
      continue;
    }
    unit_size = 0;
    offset = align_to((uint32_t)offset, a);
    m->offset = (uint32_t)offset;
    offset += m->type->size;
    if (offset > 0x7FFFFFFFu) {
      cx_error(c, m->span, "lang.type.too_large", (const char *)NULL);
      offset = 0;
    }
  }
  if (t->kind != TY_UNION) size = offset;
  if (t->declspec_align > align) align = t->declspec_align;
  t->align = align;
  t->size = align_to((uint32_t)size, align);
  t->complete = 1;
  for (ty_type *q = t->copies; q; q = q->next_copy) {
    q->align = t->align;
    q->size = t->size;
    q->complete = 1;
    q->members = t->members;
    q->declspec_align = t->declspec_align;
  }
}

ty_member *ty_find_member(ty_type *t, const char *name, uint32_t *offset) {
  for (ty_member *m = t->members; m; m = m->next) {
    if (m->name == name) {
      *offset += m->offset;
      return m;
    }
    if (!m->name && ty_is_record(m->type)) {
      uint32_t inner = 0;
      ty_member *found = ty_find_member(m->type, name, &inner);
      if (found) {
        *offset += m->offset + inner;
        return found;
      }
    }
  }
  return NULL;
}

static const char *basic_name(ty_kind k) {
  switch (k) {
  case TY_VOID: return "void";
  case TY_BOOL: return "_Bool";
  case TY_CHAR: return "char";
  case TY_SCHAR: return "signed char";
  case TY_UCHAR: return "unsigned char";
  case TY_SHORT: return "short";
  case TY_USHORT: return "unsigned short";
  case TY_INT: return "int";
  case TY_UINT: return "unsigned int";
  case TY_LONG: return "long";
  case TY_ULONG: return "unsigned long";
  case TY_LLONG: return "__int64";
  case TY_ULLONG: return "unsigned __int64";
  case TY_ERROR: return "<error>";
  default: return NULL;
  }
}

static void str_into(const ty_type *t, char *buf, size_t cap, int depth) {
  size_t n = strlen(buf);
  if (n + 1 >= cap || depth > 8) return;
  const char *cq = t->is_const ? "const " : "";
  if (t->name) {
    snprintf(buf + n, cap - n, "%s%s", cq, t->name);
    return;
  }
  const char *b = basic_name(t->kind);
  if (b) {
    snprintf(buf + n, cap - n, "%s%s", cq, b);
    return;
  }
  switch (t->kind) {
  case TY_PTR:
    str_into(t->base, buf, cap, depth + 1);
    n = strlen(buf);
    snprintf(buf + n, cap - n, t->is_const ? " *const" : " *");
    return;
  case TY_ARRAY:
    str_into(t->base, buf, cap, depth + 1);
    n = strlen(buf);
    if (t->complete) snprintf(buf + n, cap - n, "[%u]", t->array_len);
    else snprintf(buf + n, cap - n, "[]");
    return;
  case TY_FUNC:
    str_into(t->base, buf, cap, depth + 1);
    n = strlen(buf);
    snprintf(buf + n, cap - n, "(...)");
    return;
  case TY_STRUCT: case TY_UNION: case TY_ENUM: {
    const char *kw = t->kind == TY_STRUCT ? "struct" : t->kind == TY_UNION ? "union" : "enum";
    snprintf(buf + n, cap - n, "%s%s %s", cq, kw, t->tag ? t->tag : "<anonymous>");
    return;
  }
  default:
    return;
  }
}

const char *ty_str(cx *c, const ty_type *t) {
  char buf[256];
  buf[0] = '\0';
  str_into(t, buf, sizeof buf, 0);
  return ar_strndup(&c->ar, buf, strlen(buf));
}
