/* cbd.c: Filter Manager and I/O manager objects in simulated memory, by kstruct field. */
#include "engine/cbd.h"

#include <string.h>

#include "engine/bytes.h"
#include "engine/mem.h"
#include "nt/nt.h"

#define CBD(f) kf_offset(KS_FLT_CALLBACK_DATA_##f)
#define IOPB(f) kf_offset(KS_FLT_IO_PARAMETER_BLOCK_##f)
#define FO(f) kf_offset(KS_FILE_OBJECT_##f)

#define CBD_BYTES (CBD_SIZE + IOPB_SIZE)
#define OBJECTS_SIZE kf_struct_size(KS_STRUCT_FLT_RELATED_OBJECTS)

static uint64_t get(engine *e, uint64_t base, ks_field f) { return mem_get(e, base + kf_offset(f), kf_size(f)); }

static void set(engine *e, uint64_t base, ks_field f, uint64_t v) { mem_put(e, base + kf_offset(f), kf_size(f), v); }

/* Whether the host pointers kept at creation still hold (no block's bytes went away since). */
static int host_valid(engine *e, const op *o) { return o->cbd_host && o->host_epoch == km_epoch(e->mem); }

uint8_t *cbd_host_slow(engine *e, const op *o) { return km_raw(e->mem, o->cbd, CBD_BYTES); }

/* A value at `off` in the callback data (the parameter block starts at CBD_SIZE). */
static uint64_t cget(engine *e, const op *o, uint32_t off, uint32_t size) {
  if (off + size <= CBD_BYTES && host_valid(e, o)) return le_load(o->cbd_host + off, size);
  return mem_get(e, o->cbd + off, size);
}

static void cput(engine *e, const op *o, uint32_t off, uint32_t size, uint64_t v) {
  if (off + size <= CBD_BYTES && host_valid(e, o)) le_store(o->cbd_host + off, size, v);
  else mem_put(e, o->cbd + off, size, v);
}

/* The same for the FLT_RELATED_OBJECTS. */
static void oput(engine *e, const op *o, ks_field f, uint64_t v) {
  uint32_t off = kf_offset(f), size = kf_size(f);
  if (off + size <= OBJECTS_SIZE && host_valid(e, o)) le_store(o->objects_host + off, size, v);
  else mem_put(e, o->objects + off, size, v);
}

#define CF(f) kf_offset(KS_FLT_CALLBACK_DATA_##f), kf_size(KS_FLT_CALLBACK_DATA_##f)
#define IF(f) CBD_SIZE + kf_offset(KS_FLT_IO_PARAMETER_BLOCK_##f), kf_size(KS_FLT_IO_PARAMETER_BLOCK_##f)

int cbd_create(engine *e, op *o, uint32_t flags, uint64_t ethread, uint8_t requestor_mode) {
  /* FltMgr keeps the callback data and its parameter block together (its IRP_CTRL). The
   * engine keeps pointers to the three blocks' bytes: they are watched (cbd_host). */
  km_attrs attrs = { 0 };
  attrs.owner = -1;
  attrs.label = 'D';
  o->cbd_host = km_alloc_watched(e->mem, KM_SYSTEM, CBD_BYTES, &attrs, &o->cbd);
  attrs.label = 'O';
  o->objects_host = km_alloc_watched(e->mem, KM_SYSTEM, OBJECTS_SIZE, &attrs, &o->objects);
  attrs.label = 'X';
  o->ctx_host = km_alloc_watched(e->mem, KM_SYSTEM, 8, &attrs, &o->ctx_slot);
  if (!o->cbd || !o->objects || !o->ctx_slot) {
    eng_internal(e, NULL, "out of memory for a kernel object");
    o->cbd_host = NULL;
    return 0;
  }
  o->iopb = o->cbd + CBD_SIZE;
  o->host_epoch = km_epoch(e->mem);
  cput(e, o, CF(Flags), flags);
  cput(e, o, CF(Thread), ethread);
  cput(e, o, CF(Iopb), o->iopb);
  cput(e, o, CF(RequestorMode), requestor_mode);
  oput(e, o, KS_FLT_RELATED_OBJECTS_Size, OBJECTS_SIZE);
  oput(e, o, KS_FLT_RELATED_OBJECTS_Volume, e->volume_object);
  return 1;
}

void cbd_release(engine *e, op *o) {
  uint64_t blocks[3] = { o->cbd, o->objects, o->ctx_slot };
  o->cbd_host = NULL; /* the pointers go first: the blocks need no watching any more */
  for (int i = 0; i < 3; i++)
    if (blocks[i]) km_free_unwatched(e->mem, blocks[i], NULL, 1);
}

uint64_t cbd_context(engine *e, const op *o) {
  return host_valid(e, o) ? le_load(o->ctx_host, 8) : mem_get(e, o->ctx_slot, 8);
}

void cbd_set_context(engine *e, const op *o, uint64_t value) {
  if (host_valid(e, o)) le_store(o->ctx_host, 8, value);
  else mem_put(e, o->ctx_slot, 8, value);
}

uint32_t cbd_flags(engine *e, const op *o) { return (uint32_t)cget(e, o, CF(Flags)); }

void cbd_set_flags(engine *e, const op *o, uint32_t flags) { cput(e, o, CF(Flags), flags); }

uint32_t cbd_status(engine *e, const op *o) {
  return (uint32_t)cget(e, o, CBD(IoStatus) + kf_offset(KS_IO_STATUS_BLOCK_Status), 4);
}

uint64_t cbd_information(engine *e, const op *o) {
  return cget(e, o, CBD(IoStatus) + kf_offset(KS_IO_STATUS_BLOCK_Information), 8);
}

void cbd_set_iostatus(engine *e, const op *o, uint32_t status, uint64_t information) {
  uint32_t io = CBD(IoStatus);
  cput(e, o, io + kf_offset(KS_IO_STATUS_BLOCK_Pointer), 8, 0);
  cput(e, o, io + kf_offset(KS_IO_STATUS_BLOCK_Status), 4, status);
  cput(e, o, io + kf_offset(KS_IO_STATUS_BLOCK_Information), 8, information);
}

void cbd_get_bytes(engine *e, const op *o, uint8_t out[CBD_SIZE]) {
  const uint8_t *p = cbd_host(e, o);
  if (p) memcpy(out, p, CBD_SIZE);
  else memset(out, 0, CBD_SIZE);
}

void cbd_get_iopb(engine *e, const op *o, uint8_t out[IOPB_SIZE]) {
  const uint8_t *p = cbd_host(e, o);
  if (p) memcpy(out, p + CBD_SIZE, IOPB_SIZE);
  else memset(out, 0, IOPB_SIZE);
}

void cbd_put_iopb(engine *e, const op *o, const uint8_t in[IOPB_SIZE]) {
  uint8_t *p = cbd_host(e, o);
  if (p) memcpy(p + CBD_SIZE, in, IOPB_SIZE);
}

uint32_t cbd_irp_flags(engine *e, const op *o) { return (uint32_t)cget(e, o, IF(IrpFlags)); }

void cbd_set_irp_flags(engine *e, const op *o, uint32_t flags) { cput(e, o, IF(IrpFlags), flags); }

void cbd_set_major_minor(engine *e, const op *o, uint8_t major, uint8_t minor) {
  cput(e, o, IF(MajorFunction), major);
  cput(e, o, IF(MinorFunction), minor);
}

uint64_t cbd_target_file_object(engine *e, const op *o) { return cget(e, o, IF(TargetFileObject)); }

void cbd_set_targets(engine *e, const op *o, uint64_t file_object, uint64_t inst) {
  cput(e, o, IF(TargetFileObject), file_object);
  cput(e, o, IF(TargetInstance), inst);
}

uint64_t cbd_param(engine *e, const op *o, ks_field f) {
  return cget(e, o, CBD_SIZE + IOPB(Parameters) + kf_offset(f), kf_size(f));
}

void cbd_set_param(engine *e, const op *o, ks_field f, uint64_t value) {
  cput(e, o, CBD_SIZE + IOPB(Parameters) + kf_offset(f), kf_size(f), value);
}

void cbd_set_objects(engine *e, const op *o, const instance *inst) {
  uint64_t filter = inst ? e->drivers[inst->driver]->filter_object : 0;
  if (host_valid(e, o)) {
#define OBJ(f) o->objects_host + kf_offset(KS_FLT_RELATED_OBJECTS_##f), kf_size(KS_FLT_RELATED_OBJECTS_##f)
    le_store(OBJ(Filter), filter);
    le_store(OBJ(Instance), inst ? inst->object : 0);
    le_store(OBJ(FileObject), o->fo ? o->fo->address : 0);
    le_store(o->cbd_host + IF(TargetInstance), inst ? inst->object : 0);
#undef OBJ
    return;
  }
  oput(e, o, KS_FLT_RELATED_OBJECTS_Filter, filter);
  oput(e, o, KS_FLT_RELATED_OBJECTS_Instance, inst ? inst->object : 0);
  oput(e, o, KS_FLT_RELATED_OBJECTS_FileObject, o->fo ? o->fo->address : 0);
  cput(e, o, IF(TargetInstance), inst ? inst->object : 0);
}

void cbd_set_objects_in(engine *e, const op *o, const instance *inst, uint8_t image[CBD_SIZE + IOPB_SIZE]) {
  cbd_set_objects(e, o, inst);
  le_store(image + IF(TargetInstance), inst ? inst->object : 0);
}

/* ---- FILE_OBJECT, UNICODE_STRING, MDL ---------------------------------------------------------- */

uint64_t ustr_create(engine *e, const char *s, uint32_t label) {
  size_t n = strlen(s);
  if (n > 0x7FFE) n = 0x7FFE;
  uint64_t us = mem_kernel_object(e, kf_struct_size(KS_STRUCT_UNICODE_STRING), label);
  uint64_t buf = mem_kernel_object(e, 2 * n + 2, label);
  if (!us || !buf) return 0;
  uint8_t *chars = km_raw(e->mem, buf, (uint32_t)(2 * n)); /* the block just made holds them all */
  for (size_t i = 0; i < n && chars; i++) le_store(chars + 2 * i, 2, (uint8_t)s[i]);
  set(e, us, KS_UNICODE_STRING_Length, 2 * n);
  set(e, us, KS_UNICODE_STRING_MaximumLength, 2 * n + 2);
  set(e, us, KS_UNICODE_STRING_Buffer, buf);
  return us;
}

const char *ustr_read(engine *e, uint64_t us, char *buf, size_t size) {
  uint32_t n = (uint32_t)get(e, us, KS_UNICODE_STRING_Length) / 2;
  uint64_t p = get(e, us, KS_UNICODE_STRING_Buffer);
  if (n >= size) n = (uint32_t)size - 1;
  const uint8_t *chars = n ? km_raw(e->mem, p, 2 * n) : NULL; /* all in one block (else char by char) */
  for (uint32_t i = 0; i < n; i++) {
    uint32_t c = chars ? (uint32_t)le_load(chars + 2 * i, 2) : (uint32_t)mem_get(e, p + 2 * i, 2);
    buf[i] = c < 0x80 ? (char)c : '?';
  }
  buf[n] = '\0';
  return buf;
}

uint64_t fo_create(engine *e, fobj *f, const char *path) {
  f->address = mem_kernel_object(e, kf_struct_size(KS_STRUCT_FILE_OBJECT), 'F');
  f->host = f->address ? km_raw(e->mem, f->address, kf_struct_size(KS_STRUCT_FILE_OBJECT)) : NULL;
  if (f->host) km_watch(e->mem, f->address, 1);
  f->host_epoch = km_epoch(e->mem);
  uint64_t name = ustr_create(e, path, 'N');
  if (!f->address || !name) return 0;
  set(e, f->address, KS_FILE_OBJECT_Type, 5); /* IO_TYPE_FILE */
  set(e, f->address, KS_FILE_OBJECT_Size, kf_struct_size(KS_STRUCT_FILE_OBJECT));
  /* The UNICODE_STRING lives inside the FILE_OBJECT; its buffer is separate. */
  uint64_t us = f->address + FO(FileName);
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_Length), 2, get(e, name, KS_UNICODE_STRING_Length));
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_MaximumLength), 2, get(e, name, KS_UNICODE_STRING_MaximumLength));
  mem_put(e, us + kf_offset(KS_UNICODE_STRING_Buffer), 8, get(e, name, KS_UNICODE_STRING_Buffer));
  f->name_buffer = get(e, name, KS_UNICODE_STRING_Buffer);
  return f->address;
}

const char *fo_name(engine *e, const fobj *f, char *buf, size_t size) {
  return ustr_read(e, f->address + FO(FileName), buf, size);
}

/* The FILE_OBJECT's host bytes kept at creation, while no block's bytes went away since (else
 * NULL: go through the address space). */
static uint8_t *fo_host(engine *e, const fobj *f) {
  return f->host && f->host_epoch == km_epoch(e->mem) ? f->host : NULL;
}

#define FOF(f) kf_offset(KS_FILE_OBJECT_##f), kf_size(KS_FILE_OBJECT_##f)

uint32_t fo_flags(engine *e, const fobj *f) {
  uint8_t *h = fo_host(e, f);
  return h ? (uint32_t)le_load(h + FOF(Flags)) : (uint32_t)get(e, f->address, KS_FILE_OBJECT_Flags);
}

void fo_set_flags(engine *e, const fobj *f, uint32_t flags) {
  uint8_t *h = fo_host(e, f);
  if (h) le_store(h + FOF(Flags), flags);
  else set(e, f->address, KS_FILE_OBJECT_Flags, flags);
}

void fo_set_fs_context(engine *e, const fobj *f, uint64_t fcb) {
  uint8_t *h = fo_host(e, f);
  if (h) le_store(h + FOF(FsContext), fcb);
  else set(e, f->address, KS_FILE_OBJECT_FsContext, fcb);
}

uint64_t mdl_create(engine *e, uint64_t va, uint32_t length, uint64_t system_va) {
  uint32_t pages = (uint32_t)(((va & 0xFFF) + length + 0xFFF) / 0x1000);
  uint64_t mdl = mem_kernel_object(e, kf_struct_size(KS_STRUCT_MDL) + 8u * pages, 'M');
  if (!mdl) return 0;
  set(e, mdl, KS_MDL_Size, kf_struct_size(KS_STRUCT_MDL) + 8u * pages);
  set(e, mdl, KS_MDL_MdlFlags, 0x0002); /* MDL_PAGES_LOCKED */
  set(e, mdl, KS_MDL_StartVa, va & ~0xFFFull);
  set(e, mdl, KS_MDL_ByteOffset, va & 0xFFF);
  set(e, mdl, KS_MDL_ByteCount, length);
  set(e, mdl, KS_MDL_MappedSystemVa, system_va);
  return mdl;
}

uint64_t mdl_system_va(engine *e, uint64_t mdl) { return get(e, mdl, KS_MDL_MappedSystemVa); }

uint64_t mdl_va(engine *e, uint64_t mdl) { return get(e, mdl, KS_MDL_StartVa) + get(e, mdl, KS_MDL_ByteOffset); }

uint32_t mdl_byte_count(engine *e, uint64_t mdl) { return (uint32_t)get(e, mdl, KS_MDL_ByteCount); }
