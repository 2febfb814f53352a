/* type.h: C types with Windows x64 (LLP64) sizes and MSVC layout: `long` is 32 bits,
 * pointers 64, `wchar_t` 16; structures align members naturally (or to #pragma pack, or up
 * to __declspec(align)), bit-fields pack into units of their declared type as MSVC packs
 * them. Types are arena objects; a qualified or typedef'd type is a copy whose `origin` is
 * the type it names, so two struct types are the same when their origins are. */
#ifndef FP_LANG_TYPE_H
#define FP_LANG_TYPE_H

#include <stdint.h>

#include "lang/cx.h"

typedef enum ty_kind {
  TY_VOID,
  TY_BOOL,
  TY_CHAR,      /* plain char: signed, as MSVC */
  TY_SCHAR,
  TY_UCHAR,
  TY_SHORT,
  TY_USHORT,
  TY_INT,
  TY_UINT,
  TY_LONG,      /* 32 bits */
  TY_ULONG,
  TY_LLONG,
  TY_ULLONG,
  TY_ENUM,      /* an int */
  TY_PTR,
  TY_ARRAY,
  TY_FUNC,
  TY_STRUCT,
  TY_UNION,
  TY_ERROR      /* after an error: compatible with everything, reported once */
} ty_kind;

typedef struct ty_type ty_type;

typedef struct ty_member {
  struct ty_member *next;
  const char *name;        /* NULL for an anonymous struct or union member */
  ty_type *type;
  uint32_t offset;
  uint8_t is_bitfield, bit_offset, bit_width;
  uint32_t align;          /* its alignment in the layout (natural, packed or declspec) */
  fp_span span;
} ty_member;

typedef struct ty_param {
  struct ty_param *next;
  const char *name;
  ty_type *type;
  fp_span span;
} ty_param;

struct ty_type {
  ty_kind kind;
  uint32_t size, align;
  uint8_t is_unsigned;
  uint8_t is_const, is_volatile;
  uint8_t complete;        /* sizes known (structs: body seen; arrays: length known) */
  uint8_t being_defined;   /* records: inside their own body (a nested body of the same tag is a redefinition) */
  ty_type *base;           /* pointee, element or return type */
  uint32_t array_len;
  ty_member *members;      /* struct/union */
  const char *tag;         /* struct/union/enum tag */
  const char *name;        /* the typedef name it was written with (for messages) */
  ty_type *origin;         /* the unqualified, unnamed type (itself for originals) */
  ty_param *params;        /* function */
  int nparams;
  uint8_t variadic;
  uint8_t no_prototype;    /* f() */
  uint32_t declspec_align; /* __declspec(align(n)) on the type */
  fp_span span;            /* where a struct/union/enum was declared */
  ty_type *copies;         /* records: named/qualified copies, updated when the record is laid out */
  ty_type *next_copy;
};

/* The built-in basic types of a compilation. */
typedef struct ty_basics {
  ty_type *void_, *bool_, *char_, *schar, *uchar, *short_, *ushort, *int_, *uint, *long_, *ulong, *llong,
      *ullong, *error, *void_ptr, *char_ptr, *wchar, *size_t_;
} ty_basics;

void ty_init(cx *c, ty_basics *b);

ty_type *ty_new(cx *c, ty_kind kind, uint32_t size, uint32_t align);
ty_type *ty_pointer_to(cx *c, ty_type *base);
ty_type *ty_array_of(cx *c, ty_type *base, uint32_t len, int complete);
ty_type *ty_func(cx *c, ty_type *ret);

/* A copy of `t` with qualifiers added (const, volatile) and/or a typedef name. */
ty_type *ty_qualified(cx *c, ty_type *t, int is_const, int is_volatile);
ty_type *ty_named(cx *c, ty_type *t, const char *name);
/* `t` without qualifiers or name (the origin). */
ty_type *ty_unqual(ty_type *t);

static inline int ty_is_integer(const ty_type *t) { return t->kind >= TY_BOOL && t->kind <= TY_ENUM; }
static inline int ty_is_pointer(const ty_type *t) { return t->kind == TY_PTR; }
static inline int ty_is_scalar(const ty_type *t) { return ty_is_integer(t) || t->kind == TY_PTR || t->kind == TY_ERROR; }
static inline int ty_is_aggregate(const ty_type *t) {
  return t->kind == TY_STRUCT || t->kind == TY_UNION || t->kind == TY_ARRAY;
}
static inline int ty_is_record(const ty_type *t) { return t->kind == TY_STRUCT || t->kind == TY_UNION; }

/* The integer rank for conversions: 1 bool/char, 2 short, 3 int/long/enum, 4 long long. */
int ty_rank(const ty_type *t);

/* C11 6.3.1.1 integer promotion; the usual arithmetic conversions of two operands. */
ty_type *ty_promote(const ty_basics *b, ty_type *t);
ty_type *ty_common(const ty_basics *b, ty_type *a, ty_type *t);

/* Whether two types are compatible (same struct, same pointee, ...). */
int ty_compatible(ty_type *a, ty_type *b);

/* Lays out a struct or union from its members (MSVC rules, `pack` 0 = default) and updates
 * the copies made of it while it was incomplete. */
void ty_layout(cx *c, ty_type *t, uint32_t pack);

/* Finds a member by name, looking into anonymous members; adds their offsets to *offset. */
ty_member *ty_find_member(ty_type *t, const char *name, uint32_t *offset);

/* The type as a learner reads it: the typedef name when it has one ("PFLT_CALLBACK_DATA"),
 * else C's spelling ("struct _X *", "unsigned long"). Arena-owned. */
const char *ty_str(cx *c, const ty_type *t);

#endif
