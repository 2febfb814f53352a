/* walk.h: the Filter Manager's walk of one operation through the instances on the volume
 * (catalogue §13.1–13.7): pre-operation callbacks from the highest altitude down, the file
 * system, then post-operation callbacks from the lowest completion node up. A walk segment is
 * an activation on one thread; pending (in the pre-op, in the file system, in the post-op) and
 * SYNCHRONIZE hand the rest of the walk to another segment on another thread. */
#ifndef FP_ENGINE_WALK_H
#define FP_ENGINE_WALK_H

#include "engine/engine_int.h"

typedef enum walk_phase { WALK_PRE, WALK_POST } walk_phase;

/* Pushes a segment of `o` on `t`: the pre phase from stack position `pos`, or the post phase
 * from node `pos` down to node 0. Its value is what IoCallDriver returns to the segment's
 * caller: the final status if the operation finished in it, STATUS_PENDING otherwise. */
act_result walk_push(engine *e, thread *t, op *o, walk_phase phase, int pos);

/* The file system completed `o` (IoCompleteRequest) on `t`: the post phase starts at the
 * lowest node, in this thread and at this IRQL (pushes a segment). */
act_result walk_complete(engine *e, thread *t, op *o);

/* The instance position of `o`'s pended pre-op; FltCompletePendedPreOperation(status, ctx)
 * continues it on `t` (pushes a segment). */
act_result walk_resume_pre(engine *e, thread *t, op *o, uint32_t status, uint64_t context);

/* FltCompletePendedPostOperation: the post phase continues above the pended node on `t`. */
act_result walk_resume_post(engine *e, thread *t, op *o);

/* The node of instance `inst` in `o`, or -1. */
int walk_node_of(const op *o, int inst);

/* The registration of driver `d` for `major`, or NULL. */
const opreg *walk_registration(const driver *d, uint8_t major);

#endif
