/* fs.c: the file system. It does the work when the request reaches it (in the dispatching
 * thread, so buffers are touched in the requestor's context) and completes either inline or,
 * for FP_COMPLETE_PENDING, later from a DPC at DISPATCH_LEVEL. */
#include "engine/fs.h"

#include <string.h>

#include "engine/cbd.h"
#include "engine/io.h"
#include "engine/mem.h"
#include "nt/nt.h"

#define FS_CODE 0xFFFFF80610000000ull /* the file system's "instruction address" for faults */

static int ieq(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
    char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
    if (x != y) return 0;
  }
  return *a == *b;
}

fsfile *fs_lookup(engine *e, const char *path) {
  for (int i = 0; i < e->file_count; i++)
    if (!e->files[i]->deleted && ieq(e->files[i]->path, path)) return e->files[i];
  return NULL;
}

fsfile *fs_add(engine *e, const char *path, const void *data, uint64_t size, unsigned flags) {
  if (e->file_count >= ENG_MAX_FILES) return NULL;
  fsfile *f = fp_calloc(e->alloc, 1, sizeof *f);
  if (!f) return NULL;
  f->path = fp_strdup(e->alloc, path);
  f->cap = size ? size : 16;
  f->data = fp_calloc(e->alloc, 1, f->cap);
  if (!f->path || !f->data) {
    fp_free(e->alloc, f->path);
    fp_free(e->alloc, f->data);
    fp_free(e->alloc, f);
    return NULL;
  }
  if (data && size) memcpy(f->data, data, size);
  f->size = size;
  f->flags = flags;
  f->cache_initialized = !(flags & FP_FILE_NOT_CACHED);
  e->files[e->file_count++] = f;
  return f;
}

static int fs_resize(engine *e, fsfile *f, uint64_t size) {
  if (size > f->cap) {
    uint64_t cap = f->cap;
    while (cap < size) cap *= 2;
    if (cap > 64u * 1024u * 1024u) return 0;
    uint8_t *d = fp_realloc(e->alloc, f->data, cap);
    if (!d) return 0;
    memset(d + f->cap, 0, cap - f->cap);
    f->data = d;
    f->cap = cap;
  }
  if (size < f->size) memset(f->data + size, 0, f->size - size);
  f->size = size;
  return 1;
}

static int result(op *o, uint32_t status, uint64_t info) {
  o->fs_status = status;
  o->fs_information = info;
  return 0;
}

/* ---- Create ---------------------------------------------------------------------------------- */

static uint32_t map_generic(uint32_t access) {
  if (access & GENERIC_READ) access |= FILE_READ_DATA | FILE_READ_ATTRIBUTES;
  if (access & GENERIC_WRITE) access |= FILE_WRITE_DATA | FILE_APPEND_DATA | FILE_WRITE_ATTRIBUTES;
  if (access & GENERIC_ALL) access |= FILE_READ_DATA | FILE_WRITE_DATA | FILE_APPEND_DATA | DELETE;
  return access;
}

/* IoCheckShareAccess: the new open against every open file object of the file. */
static int share_conflict(const fsfile *f, uint32_t access, uint32_t share) {
  int rd = (access & (FILE_READ_DATA | FILE_EXECUTE)) != 0;
  int wr = (access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) != 0;
  int del = (access & DELETE) != 0;
  if (!rd && !wr && !del) return 0;
  uint32_t n = f->open_count;
  if ((rd && f->share_read < n) || (wr && f->share_write < n) || (del && f->share_delete < n)) return 1;
  if ((f->readers && !(share & FILE_SHARE_READ)) || (f->writers && !(share & FILE_SHARE_WRITE)) ||
      (f->deleters && !(share & FILE_SHARE_DELETE)))
    return 1;
  return 0;
}

static void share_add(fsfile *f, fobj *fo) {
  uint32_t a = fo->access;
  f->open_count++;
  if (a & (FILE_READ_DATA | FILE_EXECUTE)) f->readers++;
  if (a & (FILE_WRITE_DATA | FILE_APPEND_DATA)) f->writers++;
  if (a & DELETE) f->deleters++;
  if (fo->share & FILE_SHARE_READ) f->share_read++;
  if (fo->share & FILE_SHARE_WRITE) f->share_write++;
  if (fo->share & FILE_SHARE_DELETE) f->share_delete++;
}

static void share_remove(fsfile *f, fobj *fo) {
  uint32_t a = fo->access;
  f->open_count--;
  if (a & (FILE_READ_DATA | FILE_EXECUTE)) f->readers--;
  if (a & (FILE_WRITE_DATA | FILE_APPEND_DATA)) f->writers--;
  if (a & DELETE) f->deleters--;
  if (fo->share & FILE_SHARE_READ) f->share_read--;
  if (fo->share & FILE_SHARE_WRITE) f->share_write--;
  if (fo->share & FILE_SHARE_DELETE) f->share_delete--;
}

static int do_create(engine *e, op *o) {
  fobj *fo = o->fo;
  uint32_t options = (uint32_t)cbd_param(e, o, P_CREATE_OPTIONS);
  uint32_t disposition = options >> 24;
  uint32_t access = map_generic((uint32_t)mem_get(e, cbd_param(e, o, P_CREATE_SECURITY_CONTEXT) + 0x10, 4));
  uint32_t share = (uint32_t)cbd_param(e, o, P_CREATE_SHARE_ACCESS);
  const char *path = fo->file ? fo->file->path : NULL;
  char name[512];
  if (!path) {
    /* The name from the FILE_OBJECT (a filter may have changed it). */
    path = fo_name(e, fo, name, sizeof name);
  }
  fsfile *f = fs_lookup(e, path);
  int wants_write = (access & (FILE_WRITE_DATA | FILE_APPEND_DATA | DELETE)) != 0;
  uint64_t info;
  if (f) {
    if (disposition == FILE_CREATE) return result(o, STATUS_OBJECT_NAME_COLLISION, FILE_EXISTS);
    if ((options & FILE_DIRECTORY_FILE) && !(f->flags & FP_FILE_DIRECTORY)) return result(o, STATUS_NOT_A_DIRECTORY, 0);
    if ((options & FILE_NON_DIRECTORY_FILE) && (f->flags & FP_FILE_DIRECTORY))
      return result(o, STATUS_FILE_IS_A_DIRECTORY, 0);
    int overwrite = disposition == FILE_OVERWRITE || disposition == FILE_OVERWRITE_IF || disposition == FILE_SUPERSEDE;
    if ((f->flags & FP_FILE_READONLY) && (wants_write || overwrite)) return result(o, STATUS_ACCESS_DENIED, 0);
    if (share_conflict(f, access, share)) return result(o, STATUS_SHARING_VIOLATION, 0);
    if (overwrite) fs_resize(e, f, 0);
    info = disposition == FILE_SUPERSEDE ? FILE_SUPERSEDED : overwrite ? FILE_OVERWRITTEN : FILE_OPENED;
  } else {
    if (disposition == FILE_OPEN || disposition == FILE_OVERWRITE)
      return result(o, STATUS_OBJECT_NAME_NOT_FOUND, FILE_DOES_NOT_EXIST);
    f = fs_add(e, path, NULL, 0, (options & FILE_DIRECTORY_FILE) ? FP_FILE_DIRECTORY : 0);
    if (!f) return result(o, STATUS_INSUFFICIENT_RESOURCES, 0);
    info = FILE_CREATED;
  }
  if (!f->fcb) f->fcb = mem_kernel_object(e, 0x100, 'F');
  fo->file = f;
  fo->access = access;
  fo->share = share;
  fo->open = 1;
  share_add(f, fo);
  fo_set_fs_context(e, fo, f->fcb);
  uint32_t fof = fo_flags(e, fo);
  if (f->cache_initialized && !(fof & FO_NO_INTERMEDIATE_BUFFERING)) fof |= FO_CACHE_SUPPORTED;
  fo_set_flags(e, fo, fof);
  return result(o, STATUS_SUCCESS, info);
}

/* ---- Read and write ------------------------------------------------------------------------- */

/* Where the file system moves data: the MDL's system address, else the buffer pointer. */
static uint64_t transfer_address(engine *e, const op *o) {
  uint64_t mdl = cbd_param(e, o, P_RW_MDL);
  if (mdl) return mdl_system_va(e, mdl);
  return cbd_param(e, o, P_RW_BUFFER);
}

/* Copies file bytes to or from simulated memory as the file system (kernel code that catches
 * exceptions on user buffers: they fail the request with STATUS_INVALID_USER_BUFFER). */
static int move(engine *e, thread *t, uint64_t address, uint8_t *bytes, uint32_t n, int write_to_memory,
                uint32_t *status) {
  mem_result r = mem_access(e, t, address, bytes, n, write_to_memory, MEM_KERNEL_TRY, FS_CODE);
  if (r == MEM_STOP) return 0;
  if (r == MEM_EXCEPTION) *status = STATUS_INVALID_USER_BUFFER;
  return 1;
}

static act_result do_read_write(engine *e, thread *t, op *o) {
  fsfile *f = o->fo ? o->fo->file : NULL;
  if (!f) {
    result(o, STATUS_INVALID_DEVICE_REQUEST, 0);
    return ACT_CONTINUE;
  }
  int write = o->major == IRP_MJ_WRITE;
  uint32_t len = (uint32_t)cbd_param(e, o, P_RW_LENGTH);
  uint64_t off = cbd_param(e, o, P_RW_BYTE_OFFSET);
  uint32_t irp = o->kind == OK_IRP ? cbd_irp_flags(e, o) : 0;
  int nocache = (irp & IRP_NOCACHE) != 0;
  int paging = (irp & IRP_PAGING_IO) != 0;
  if (write && !(o->fo->access & (FILE_WRITE_DATA | FILE_APPEND_DATA)) && !paging) {
    result(o, STATUS_ACCESS_DENIED, 0);
    return ACT_CONTINUE;
  }
  if (!write && !(o->fo->access & FILE_READ_DATA) && !paging) {
    result(o, STATUS_ACCESS_DENIED, 0);
    return ACT_CONTINUE;
  }
  /* Non-cached I/O works in whole sectors: the offset (and for user requests the length)
   * must be sector-aligned, and the transfer is rounded up to whole sectors (BUF-4). */
  if (nocache && (off % FS_SECTOR || (!paging && len % FS_SECTOR))) {
    result(o, STATUS_INVALID_PARAMETER, 0);
    return ACT_CONTINUE;
  }
  uint64_t address = transfer_address(e, o);
  uint32_t status = STATUS_SUCCESS;
  if (!write) {
    if (off >= f->size) {
      result(o, STATUS_END_OF_FILE, 0);
      return ACT_CONTINUE;
    }
    uint32_t n = (uint32_t)(f->size - off < len ? f->size - off : len);
    uint32_t moved = nocache ? (n + FS_SECTOR - 1) / FS_SECTOR * FS_SECTOR : n;
    /* Straight from the file's bytes, unless a whole sector's tail needs zeros after them. */
    uint8_t *tmp = NULL, *from = f->data + off;
    if (moved != n) {
      tmp = fp_calloc(e->alloc, 1, moved);
      if (!tmp) return eng_internal(e, t, "out of memory in the file system");
      memcpy(tmp, from, n);
      from = tmp;
    }
    int ok = move(e, t, address, from, moved, 1, &status);
    fp_free(e->alloc, tmp);
    if (!ok) return ACT_STOP;
    result(o, status, NT_SUCCESS(status) ? n : 0);
    return ACT_CONTINUE;
  }
  uint8_t *tmp = fp_malloc(e->alloc, len ? len : 1);
  if (!tmp) return eng_internal(e, t, "out of memory in the file system");
  int ok = move(e, t, address, tmp, len, 0, &status);
  if (ok && NT_SUCCESS(status)) {
    uint64_t end = off + len;
    if (paging && end > f->size) end = f->size; /* paging writes never extend a file */
    if (end > f->size && !fs_resize(e, f, end)) status = STATUS_DISK_FULL;
    if (NT_SUCCESS(status) && end > off) memcpy(f->data + off, tmp, (size_t)(end - off));
  }
  fp_free(e->alloc, tmp);
  if (!ok) return ACT_STOP;
  result(o, status, NT_SUCCESS(status) ? len : 0);
  return ACT_CONTINUE;
}

/* ---- Information ---------------------------------------------------------------------------- */

static void put(uint8_t *p, uint32_t size, uint64_t v) {
  for (uint32_t i = 0; i < size; i++) p[i] = (uint8_t)(v >> (8 * i));
}

#define FS_TIME 0x01DB000000000000ull /* every file's times (a fixed FILETIME) */

/* Fills `out` with information `cls` about `f`; returns its size, 0 for an unknown class. */
static uint32_t info_of(const fsfile *f, uint32_t cls, uint8_t *out) {
  uint32_t attrs = (f->flags & FP_FILE_DIRECTORY) ? FILE_ATTRIBUTE_DIRECTORY
                   : (f->flags & FP_FILE_READONLY) ? FILE_ATTRIBUTE_READONLY
                                                    : FILE_ATTRIBUTE_ARCHIVE;
  uint64_t alloc = (f->size + 4095) / 4096 * 4096;
  memset(out, 0, 0x60);
  switch (cls) {
  case FileBasicInformation:
    for (int i = 0; i < 4; i++) put(out + 8 * i, 8, FS_TIME);
    put(out + 0x20, 4, attrs);
    return 0x28;
  case FileStandardInformation:
    put(out, 8, alloc);
    put(out + 8, 8, f->size);
    put(out + 0x10, 4, 1);
    out[0x15] = (f->flags & FP_FILE_DIRECTORY) ? 1 : 0;
    return 0x18;
  case FileNetworkOpenInformation:
    for (int i = 0; i < 4; i++) put(out + 8 * i, 8, FS_TIME);
    put(out + 0x20, 8, alloc);
    put(out + 0x28, 8, f->size);
    put(out + 0x30, 4, attrs);
    return 0x38;
  case FileStatInformation:
    put(out, 8, f->fcb);                     /* FileId */
    for (int i = 0; i < 4; i++) put(out + 8 + 8 * i, 8, FS_TIME);
    put(out + 0x28, 8, alloc);
    put(out + 0x30, 8, f->size);
    put(out + 0x38, 4, attrs);
    put(out + 0x40, 4, 0);                    /* ReparseTag */
    put(out + 0x44, 4, 1);                    /* NumberOfLinks */
    put(out + 0x48, 4, 0x001F01FF);           /* EffectiveAccess: FILE_ALL_ACCESS */
    return 0x50;
  default:
    return 0;
  }
}

static act_result do_query_info(engine *e, thread *t, op *o) {
  fsfile *f = o->fo ? o->fo->file : NULL;
  uint32_t len = (uint32_t)cbd_param(e, o, P_QI_LENGTH);
  uint32_t cls = (uint32_t)cbd_param(e, o, P_QI_CLASS);
  uint64_t buf = cbd_param(e, o, P_QI_BUFFER);
  uint8_t out[0x60];
  uint32_t n = f ? info_of(f, cls, out) : 0;
  if (!f) result(o, STATUS_INVALID_DEVICE_REQUEST, 0);
  else if (!n) result(o, STATUS_INVALID_PARAMETER, 0);
  else if (len < n) result(o, STATUS_INFO_LENGTH_MISMATCH, 0);
  else {
    uint32_t status = STATUS_SUCCESS;
    if (!move(e, t, buf, out, n, 1, &status)) return ACT_STOP;
    result(o, status, NT_SUCCESS(status) ? n : 0);
  }
  return ACT_CONTINUE;
}

static act_result do_set_info(engine *e, thread *t, op *o) {
  fsfile *f = o->fo ? o->fo->file : NULL;
  uint32_t len = (uint32_t)cbd_param(e, o, P_SI_LENGTH);
  uint32_t cls = (uint32_t)cbd_param(e, o, P_SI_CLASS);
  uint64_t buf = cbd_param(e, o, P_SI_BUFFER);
  uint8_t in[0x28];
  uint32_t status = STATUS_SUCCESS;
  if (!f) {
    result(o, STATUS_INVALID_DEVICE_REQUEST, 0);
    return ACT_CONTINUE;
  }
  if (cls == FileBasicInformation) {
    if (len < 0x28) {
      result(o, STATUS_INFO_LENGTH_MISMATCH, 0);
      return ACT_CONTINUE;
    }
    if (!move(e, t, buf, in, 0x28, 0, &status)) return ACT_STOP;
    uint32_t attrs = (uint32_t)in[0x20] | (uint32_t)in[0x21] << 8;
    if (attrs) {
      if (attrs & FILE_ATTRIBUTE_READONLY) f->flags |= FP_FILE_READONLY;
      else f->flags &= ~(unsigned)FP_FILE_READONLY;
    }
  } else if (cls == FileEndOfFileInformation) {
    if (len < 8) {
      result(o, STATUS_INFO_LENGTH_MISMATCH, 0);
      return ACT_CONTINUE;
    }
    if (!move(e, t, buf, in, 8, 0, &status)) return ACT_STOP;
    uint64_t size = 0;
    for (int i = 7; i >= 0; i--) size = size << 8 | in[i];
    if (NT_SUCCESS(status) && !fs_resize(e, f, size)) status = STATUS_DISK_FULL;
  } else {
    status = STATUS_INVALID_PARAMETER;
  }
  result(o, status, 0);
  return ACT_CONTINUE;
}

static act_result do_query_open(engine *e, thread *t, op *o) {
  char path[512];
  fsfile *f = fs_lookup(e, fo_name(e, o->fo, path, sizeof path));
  if (!f) {
    result(o, STATUS_OBJECT_NAME_NOT_FOUND, 0);
    return ACT_CONTINUE;
  }
  uint8_t out[0x60];
  uint32_t size = info_of(f, (uint32_t)cbd_param(e, o, P_QO_CLASS), out);
  if (!size) {
    result(o, STATUS_INVALID_PARAMETER, 0);
    return ACT_CONTINUE;
  }
  uint32_t status = STATUS_SUCCESS;
  if (!move(e, t, cbd_param(e, o, P_QO_FILE_INFORMATION), out, size, 1, &status)) return ACT_STOP;
  result(o, status, size);
  return ACT_CONTINUE;
}

/* ---- Dispatch and completion ------------------------------------------------------------------ */

void fs_complete(engine *e, thread *t, op *o, int dpc) {
  cbd_set_iostatus(e, o, o->fs_status, o->fs_information);
  if (o->kind != OK_IRP) return; /* fast I/O and FsFilter callbacks return; no IRP completes */
  trc_event *ev = eng_event(e, t, TRC_IRP_COMPLETE);
  if (ev) {
    ev->op = o->id;
    ev->request = o->request;
    ev->a = o->fs_status;
    ev->b = (uint32_t)dpc;
    ev->x = o->fs_information;
  }
}

act_result io_fs_dispatch(engine *e, thread *t, op *o, int *completed) {
  o->state = OPS_IN_FS;
  trc_event *ev = eng_event(e, t, TRC_IRP_DOWN);
  if (ev) {
    ev->op = o->id;
    ev->request = o->request;
    ev->a = o->kind;
    ev->b = o->major;
  }
  act_result r = ACT_CONTINUE;
  int can_pend = o->kind == OK_IRP;
  if (o->kind == OK_FAST_IO) {
    /* Fast I/O works only on cached file objects; otherwise the routine returns FALSE and
     * the I/O manager falls back to an IRP. */
    fsfile *f = o->fo ? o->fo->file : NULL;
    if (!f || !f->cache_initialized || (fo_flags(e, o->fo) & FO_NO_INTERMEDIATE_BUFFERING)) {
      o->fast_refused = 1;
      result(o, STATUS_FLT_DISALLOW_FAST_IO, 0);
    } else {
      r = do_read_write(e, t, o);
    }
  } else {
    switch (o->major) {
    case IRP_MJ_CREATE: do_create(e, o); break;
    case IRP_MJ_READ:
    case IRP_MJ_WRITE: r = do_read_write(e, t, o); break;
    case IRP_MJ_QUERY_INFORMATION: r = do_query_info(e, t, o); break;
    case IRP_MJ_SET_INFORMATION: r = do_set_info(e, t, o); break;
    case IRP_MJ_CLEANUP:
      if (o->fo && o->fo->file && o->fo->open && !o->fo->cleaned_up) share_remove(o->fo->file, o->fo);
      if (o->fo) o->fo->cleaned_up = 1;
      result(o, STATUS_SUCCESS, 0);
      can_pend = 0;
      break;
    case IRP_MJ_CLOSE:
      if (o->fo) o->fo->closed = 1;
      result(o, STATUS_SUCCESS, 0);
      can_pend = 0;
      break;
    case IRP_MJ_QUERY_OPEN: r = do_query_open(e, t, o); break;
    default: result(o, STATUS_INVALID_DEVICE_REQUEST, 0); break;
    }
  }
  if (r != ACT_CONTINUE) return r;
  trc_event *fr = eng_event(e, t, TRC_FS_RESULT);
  if (fr) {
    fr->op = o->id;
    fr->request = o->request;
    fr->a = o->fs_status;
    fr->x = o->fs_information;
  }
  if (can_pend && o->fs_completion == FP_COMPLETE_PENDING) {
    uint32_t delay = o->fs_delay + (uint32_t)fp_rng_below(&e->rng, o->fs_delay / 2 + 1);
    if (!sim_arm_timer(e, e->time + delay, o->id)) return eng_internal(e, t, "out of memory for a timer");
    o->state = OPS_FS_PENDING;
    *completed = 0;
    return ACT_CONTINUE;
  }
  fs_complete(e, t, o, 0);
  *completed = 1;
  return ACT_CONTINUE;
}
