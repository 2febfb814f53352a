/* io.h: the I/O manager and the file system. Applications' requests become Filter Manager
 * operations (IRP, fast I/O or FsFilter callback data); the file system carries them out on
 * the volume's files and completes inline or later from a DPC. */
#ifndef FP_ENGINE_IO_H
#define FP_ENGINE_IO_H

#include "engine/engine_int.h"

/* Pushes the script of application thread `t` (its requests in order). */
act_result io_start_app(engine *e, thread *t);

/* The file system's dispatch of `o` on `t`: does the work, then either completes it
 * (*completed = 1, IoStatus set) or returns STATUS_PENDING having armed the completion DPC.
 * Returns ACT_CONTINUE, or ACT_STOP when the run ended (a fault in the transfer). */
act_result io_fs_dispatch(engine *e, thread *t, op *o, int *completed);

/* The completion DPC of `o` runs on `t` (IRQL already DISPATCH_LEVEL): IoCompleteRequest. */
act_result io_complete_from_dpc(engine *e, thread *t, act *dpc, int op);

/* The post phase of `o` reached the top: the I/O manager finishes the request's part. */
void io_op_finished(engine *e, thread *t, op *o);

/* FltIsOperationSynchronous's answer for `o`. */
int io_is_synchronous(engine *e, const op *o);

/* A new operation of `kind` for request `rq` (-1: none) on file object `fo`; NULL and the run
 * stopped when memory runs out. */
op *io_new_op(engine *e, thread *t, int rq, op_kind kind, uint8_t major, uint8_t minor, fobj *fo);

/* Records the op_start event of `o` (its kind, major, callback data, flags and parameters) for
 * application request `request_id` (-1: I/O the Filter Manager generated). */
void io_trace_op_start(engine *e, thread *t, const op *o, int request_id);

/* Whether any operation or request is still outstanding (for the end of a run). */
int io_outstanding(engine *e);

/* The index of the first operation that may still be under way: every one before it has
 * completed or is a drain copy, for good (scans of the operations start there). */
int io_first_live_op(engine *e);

/* Frees an operation and its nodes (made by io_new_op, or a drain copy with its own nodes). */
void io_free_op(engine *e, op *o);

/* A new zeroed completion node at the end of `o`'s nodes, or NULL (the run stopped) when memory
 * runs out. Pointers to `o`'s nodes taken before may move. */
node *io_add_node(engine *e, thread *t, op *o);

#endif
