/* fs.h: the file system on the volume: files with names, sizes, contents and attributes;
 * create with its dispositions, share access and access checks; read and write (cached,
 * non-cached with sector rules, paging); query and set information; cleanup and close;
 * QueryOpen; fast I/O read and write when the file is cached. */
#ifndef FP_ENGINE_FS_H
#define FP_ENGINE_FS_H

#include "engine/engine_int.h"

#define FS_SECTOR 512u

/* Writes the file system's result of `o` into its IoStatus (at completion). `dpc`: the
 * completion comes from the DPC (the trace says so). */
void fs_complete(engine *e, thread *t, op *o, int dpc);

/* The file at `path` (case-insensitive), or NULL. */
fsfile *fs_lookup(engine *e, const char *path);

/* Adds a file; NULL when memory runs out or there are too many. */
fsfile *fs_add(engine *e, const char *path, const void *data, uint64_t size, unsigned flags);

#endif
