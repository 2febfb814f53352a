/* work.h: system worker threads and their queues (CriticalWorkQueue, DelayedWorkQueue). Work
 * items run at PASSIVE_LEVEL in a worker thread; FltMgr's deferred I/O items and the
 * SafePostCallback of FltDoCompletionProcessingWhenSafe ride on them. */
#ifndef FP_ENGINE_WORK_H
#define FP_ENGINE_WORK_H

#include "engine/engine_int.h"

enum { WI_DEFERRED_IO, WI_SAFE_POST, WI_EX_WORK_ITEM };

/* Queues a copy of `w`; returns 0 when memory runs out (the run stopped). */
int work_queue(engine *e, thread *t, const work_item *w);

/* Pushes the loop of worker thread `t` serving `queue`. */
act_result work_start_worker(engine *e, thread *t, int queue);

/* Whether any work item is queued or running. */
int work_pending(const engine *e);

#endif
