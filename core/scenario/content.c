/* content.c: files, filters, threads and operations of a scenario (content.h). */
#include "scenario/content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nt/nt.h"

const char *const sc_io_names[] = { "irp", "fast_io", "paging", NULL };

/* Reports the engine's last error at the current path. */
void sc_engine_error(rd *r, fp_engine *e) {
  rd_error(r, "scenario.engine", "message", fp_engine_error(e), (const char *)NULL);
}

/* The index of the named entry of array `list` (by its "name"), or -1. */
int sc_find_named(const cJSON *list, const char *name) {
  int i = 0;
  for (const cJSON *item = cJSON_IsArray(list) ? list->child : NULL; item; item = item->next, i++) {
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(item, "name");
    if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0) return i;
  }
  return -1;
}

/* ---- Files and filters ------------------------------------------------------------------------ */

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Decodes `hex` (pairs of digits, spaces allowed) into `out` (at least strlen/2 bytes). */
static long decode_hex(const char *hex, uint8_t *out) {
  long n = 0;
  for (const char *p = hex; *p;) {
    if (*p == ' ') {
      p++;
      continue;
    }
    int hi = hex_value(p[0]), lo = p[1] ? hex_value(p[1]) : -1;
    if (hi < 0 || lo < 0) return -1;
    out[n++] = (uint8_t)(hi << 4 | lo);
    p += 2;
  }
  return n;
}

/* Reads a file's or a write's contents from "text", "hex" or "size" (zero bytes). Returns a
 * buffer the caller frees with free(), or NULL with *ok = 0 on a mistake. */
static uint8_t *read_contents(rd *r, const cJSON *obj, size_t *size, int *ok) {
  const char *text, *hex;
  uint32_t fill = 0;
  *ok = rd_string(r, obj, "text", 0, &text) & rd_string(r, obj, "hex", 0, &hex) &
        rd_u32(r, obj, "size", 64u * 1024u * 1024u, 0, &fill);
  if (!*ok) return NULL;
  int given = (text != NULL) + (hex != NULL) + (cJSON_GetObjectItemCaseSensitive(obj, "size") != NULL);
  if (given > 1) {
    rd_error(r, "scenario.one_of", "fields", "\"text\", \"hex\" or \"size\"", (const char *)NULL);
    *ok = 0;
    return NULL;
  }
  size_t n = text ? strlen(text) : hex ? strlen(hex) / 2 + 1 : fill;
  uint8_t *data = calloc(n ? n : 1, 1);
  if (!data) {
    rd_error(r, "scenario.no_memory", (const char *)NULL);
    *ok = 0;
    return NULL;
  }
  if (text) memcpy(data, text, n);
  if (hex) {
    long decoded = decode_hex(hex, data);
    if (decoded < 0) {
      rd_push_key(r, "hex");
      rd_error(r, "scenario.expected", "expected", "pairs of hexadecimal digits", "found", "something else",
               (const char *)NULL);
      rd_pop(r);
      free(data);
      *ok = 0;
      return NULL;
    }
    n = (size_t)decoded;
  }
  *size = n;
  return data;
}

void sc_read_files(rd *r, const cJSON *doc, build *b) {
  const cJSON *files = cJSON_GetObjectItemCaseSensitive(doc, "files");
  if (!files) return;
  rd_push_key(r, "files");
  if (!cJSON_IsArray(files)) {
    rd_error(r, "scenario.expected", "expected", "an array of files", "found", "another kind of value", (const char *)NULL);
    rd_pop(r);
    return;
  }
  int i = 0;
  for (const cJSON *f = files->child; f; f = f->next, i++) {
    rd_push_index(r, i);
    static const char *const fields[] = { "path", "text", "hex", "size", "readonly", "directory", "cached", NULL };
    if (rd_check_object(r, f, fields)) {
      const char *path;
      int readonly, directory, cached, ok;
      size_t size = 0;
      if (rd_string(r, f, "path", 1, &path) && path && path[0] != '\\') {
        rd_push_key(r, "path");
        rd_error(r, "scenario.expected", "expected", "a path from the volume's root, starting with '\\\\'", "found",
                 path, (const char *)NULL);
        rd_pop(r);
        path = NULL;
      }
      rd_bool(r, f, "readonly", 0, &readonly);
      rd_bool(r, f, "directory", 0, &directory);
      rd_bool(r, f, "cached", 1, &cached);
      uint8_t *data = read_contents(r, f, &size, &ok);
      if (path && ok && b->engine) {
        unsigned flags = (readonly ? FP_FILE_READONLY : 0u) | (directory ? FP_FILE_DIRECTORY : 0u) |
                         (cached ? 0u : FP_FILE_NOT_CACHED);
        if (fp_engine_add_file(b->engine, path, data, size, flags) != FP_OK) sc_engine_error(r, b->engine);
      }
      free(data);
    }
    rd_pop(r);
  }
  rd_pop(r);
}

void sc_read_filters(rd *r, const cJSON *doc, build *b) {
  const cJSON *filters = cJSON_GetObjectItemCaseSensitive(doc, "filters");
  rd_push_key(r, "filters");
  if (!filters) {
    rd_pop(r);
    return;
  }
  if (!cJSON_IsArray(filters)) {
    rd_error(r, "scenario.expected", "expected", "an array of filters", "found", "another kind of value",
             (const char *)NULL);
    rd_pop(r);
    return;
  }
  int i = 0;
  for (const cJSON *f = filters->child; f; f = f->next, i++) {
    rd_push_index(r, i);
    static const char *const fields[] = { "name", "altitude", "source", NULL };
    if (rd_check_object(r, f, fields)) {
      const char *name, *altitude, *source;
      int ok = rd_string(r, f, "name", 1, &name) & rd_string(r, f, "altitude", 1, &altitude) &
               rd_string(r, f, "source", 1, &source);
      if (name && sc_find_named(filters, name) != i) {
        rd_push_key(r, "name");
        rd_error(r, "scenario.duplicate", "what", "filter", "name", name, (const char *)NULL);
        rd_pop(r);
        ok = 0;
      }
      if (ok && b->engine) {
        int id = -1;
        if (b->add_driver(b->user, b->engine, source, name, altitude, &id) != FP_OK) sc_engine_error(r, b->engine);
        b->driver_ids[i] = id;
      }
    }
    rd_pop(r);
  }
  rd_pop(r);
}

/* ---- Threads and operations ------------------------------------------------------------------- */

static const char *const op_names[] = { "create", "read", "write", "query_info", "set_info", "query_open",
                                        "cleanup", "close", "close_handle", "wait", "sleep", NULL };

/* The default length of an information class's buffer. */
static uint32_t info_length(uint32_t info_class) {
  switch (info_class) {
    case 4: return 40;  /* FileBasicInformation */
    case 5: return 24;  /* FileStandardInformation */
    case 34: return 56; /* FileNetworkOpenInformation */
    default: return 64;
  }
}

static void read_op(rd *r, const cJSON *op, build *b, int thread, int index, int default_io) {
  static const char *const fields[] = { "op", "path", "handle", "access", "share", "disposition", "options",
                                        "offset", "length", "text", "hex", "size", "class", "attributes", "io",
                                        "completion", "top_level_irp", "for", "ticks", NULL };
  if (!rd_check_object(r, op, fields)) return;
  fp_op_desc d;
  memset(&d, 0, sizeof d);
  int kind = -1, ok = 1;
  if (!cJSON_GetObjectItemCaseSensitive(op, "op")) {
    rd_error(r, "scenario.missing", "field", "op", (const char *)NULL);
    return;
  }
  if (!rd_enum(r, op, "op", op_names, -1, &kind)) return;
  d.kind = (fp_op_kind)kind;
  const char *path = NULL, *handle = NULL;
  int need_path = d.kind == FP_OP_CREATE || d.kind == FP_OP_QUERY_OPEN;
  ok &= rd_string(r, op, "path", need_path, &path);
  if (path && path[0] != '\\') {
    rd_push_key(r, "path");
    rd_error(r, "scenario.expected", "expected", "a path from the volume's root, starting with '\\\\'", "found", path,
             (const char *)NULL);
    rd_pop(r);
    ok = 0;
  }
  ok &= rd_string(r, op, "handle", 0, &handle);
  d.path = path;
  d.handle = handle ? handle : "h";
  ok &= rd_flags(r, op, "access", GENERIC_READ | SYNCHRONIZE, &d.desired_access);
  ok &= rd_flags(r, op, "share", FILE_SHARE_READ, &d.share_access);
  ok &= rd_constant(r, op, "disposition", FILE_OPEN, &d.disposition);
  ok &= rd_flags(r, op, "options", FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE, &d.options);
  ok &= rd_u64(r, op, "offset", UINT64_MAX / 2, 0, &d.offset);
  ok &= rd_constant(r, op, "class", d.kind == FP_OP_QUERY_OPEN ? 0 : d.kind == FP_OP_SET_INFO ? 4u : 5u, &d.info_class);
  int io = default_io, completion = 0;
  ok &= rd_enum(r, op, "io", sc_io_names, default_io, &io);
  d.io = (d.kind == FP_OP_READ || d.kind == FP_OP_WRITE) ? (fp_io_path)io : FP_IO_IRP;
  sc_read_completion(r, op, "completion", &completion, &d.delay);
  d.completion = (fp_completion)completion;
  ok &= rd_bool(r, op, "top_level_irp", 0, &d.top_level_irp);
  uint32_t wait_for = 0;
  ok &= rd_u32(r, op, "for", FP_ENGINE_MAX_THREAD_OPS - 1, 0, &wait_for);
  d.wait_for = (int)wait_for;
  if (d.kind == FP_OP_WAIT && !cJSON_GetObjectItemCaseSensitive(op, "for")) {
    rd_error(r, "scenario.missing", "field", "for", (const char *)NULL);
    ok = 0;
  }
  ok &= rd_u32(r, op, "ticks", 1000000, 10, &d.ticks);
  uint8_t *data = NULL;
  size_t size = 0;
  if (d.kind == FP_OP_WRITE) {
    int data_ok;
    data = read_contents(r, op, &size, &data_ok);
    ok &= data_ok;
    if (data_ok && !cJSON_GetObjectItemCaseSensitive(op, "text") && !cJSON_GetObjectItemCaseSensitive(op, "hex") &&
        !cJSON_GetObjectItemCaseSensitive(op, "size")) {
      rd_error(r, "scenario.one_of", "fields", "\"text\", \"hex\" or \"size\"", (const char *)NULL);
      ok = 0;
    }
    d.length = (uint32_t)size;
    d.data = data;
  } else {
    ok &= rd_u32(r, op, "length", 16u * 1024u * 1024u,
                 d.kind == FP_OP_READ ? 16u : info_length(d.info_class), &d.length);
  }
  uint8_t basic[40];
  if (d.kind == FP_OP_SET_INFO) {
    /* FILE_BASIC_INFORMATION: four LARGE_INTEGER times (0 = unchanged), then FileAttributes. */
    uint32_t attributes = 0;
    ok &= rd_flags(r, op, "attributes", FILE_ATTRIBUTE_NORMAL, &attributes);
    memset(basic, 0, sizeof basic);
    memcpy(basic + 32, &attributes, 4);
    d.data = basic;
    if (d.length < sizeof basic) d.length = sizeof basic;
  }
  if (ok && b->engine) {
    int op_index;
    if (fp_engine_add_op(b->engine, b->thread_ids[thread], &d, &op_index) != FP_OK) sc_engine_error(r, b->engine);
  }
  (void)index;
  free(data);
}

void sc_read_threads(rd *r, const cJSON *doc, build *b) {
  const cJSON *threads = cJSON_GetObjectItemCaseSensitive(doc, "threads");
  if (!threads) return;
  rd_push_key(r, "threads");
  if (!cJSON_IsArray(threads)) {
    rd_error(r, "scenario.expected", "expected", "an array of threads", "found", "another kind of value",
             (const char *)NULL);
    rd_pop(r);
    return;
  }
  int default_io = 0;
  rd_pop(r);
  rd_enum(r, doc, "io", sc_io_names, 0, &default_io);
  rd_push_key(r, "threads");
  int i = 0;
  for (const cJSON *t = threads->child; t; t = t->next, i++) {
    rd_push_index(r, i);
    static const char *const fields[] = { "name", "process", "ops", NULL };
    if (rd_check_object(r, t, fields)) {
      const char *name, *process;
      int ok = rd_string(r, t, "name", 1, &name) & rd_string(r, t, "process", 0, &process);
      if (name && sc_find_named(threads, name) != i) {
        rd_push_key(r, "name");
        rd_error(r, "scenario.duplicate", "what", "thread", "name", name, (const char *)NULL);
        rd_pop(r);
        ok = 0;
      }
      if (ok && b->engine) {
        if (fp_engine_add_thread(b->engine, name, process, &b->thread_ids[i]) != FP_OK) {
          sc_engine_error(r, b->engine);
          ok = 0;
        }
      }
      const cJSON *ops = cJSON_GetObjectItemCaseSensitive(t, "ops");
      rd_push_key(r, "ops");
      if (ops && !cJSON_IsArray(ops)) {
        rd_error(r, "scenario.expected", "expected", "an array of operations", "found", "another kind of value",
                 (const char *)NULL);
      } else {
        int k = 0;
        build *target = ok ? b : NULL;
        build check_only = *b;
        check_only.engine = NULL;
        for (const cJSON *op = ops ? ops->child : NULL; op; op = op->next, k++) {
          rd_push_index(r, k);
          read_op(r, op, target ? target : &check_only, i, k, default_io);
          rd_pop(r);
        }
      }
      rd_pop(r);
    }
    rd_pop(r);
  }
  rd_pop(r);
}

