/* fltmgr.h: filters and instances: registration, attaching at altitudes, teardown with
 * draining (catalogue §6, §13.8), unloading with leak accounting, and the system thread that
 * loads the drivers and carries out the scenario's control actions. */
#ifndef FP_ENGINE_FLTMGR_H
#define FP_ENGINE_FLTMGR_H

#include "engine/engine_int.h"

/* Pushes the system thread's work on `t`: DriverEntry of every driver, then control actions. */
act_result flt_start_system(engine *e, thread *t);

/* The driver whose PFLT_FILTER is `filter`, or NULL. */
driver *flt_driver_of_filter(engine *e, uint64_t filter);

/* The instance whose PFLT_INSTANCE is `object`, or NULL. */
instance *flt_instance_of(engine *e, uint64_t object);

/* The operation whose FLT_CALLBACK_DATA is at `cbd` (drain copies included), or NULL. */
op *flt_op_of(engine *e, uint64_t cbd);

/* Pushes the teardown of instance `inst` (reason flags) on `t`; its value is 0 when done. */
act_result flt_push_teardown(engine *e, thread *t, instance *inst, uint32_t reason);

/* Compares two decimal altitude strings ("385100", "385100.5"): <0, 0, >0. */
int flt_altitude_cmp(const char *a, const char *b);

/* Whether `s` is a valid altitude (digits, at most one '.', digits). */
int flt_altitude_valid(const char *s);

/* Reports objects Filter Verifier tracks that driver `d` still holds (deferred work items not
 * freed, file name information not released); returns how many. */
int flt_tracked_leaks(engine *e, thread *t, int d);

/* A FLT_RELATED_OBJECTS for instance-level callbacks of `inst`. */
uint64_t flt_instance_objects(engine *e, instance *inst);

#endif
