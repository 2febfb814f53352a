/* hang.h: how a run ends when nothing can run: completed, or a hang that names the stuck
 * operation, the filter holding it and the rule (PRE-PEND-3, POST-MPR-1, DCPWS-4, DRAIN-4,
 * PRE-SYNC-7). */
#ifndef FP_ENGINE_HANG_H
#define FP_ENGINE_HANG_H

#include "engine/engine_int.h"

/* Nothing can run and no timer is armed: records the end of the run. */
void hang_or_end(engine *e);

/* A thread ran out of work (for the trace's thread lanes). */
void hang_thread_finished(engine *e, thread *t);

#endif
