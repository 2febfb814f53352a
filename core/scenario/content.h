/* content.h: the parts of a scenario document read by more than one file of the module: what
 * a walk builds into, and the readers of files, filters, threads and operations. */
#ifndef FP_SCENARIO_CONTENT_H
#define FP_SCENARIO_CONTENT_H

#include <cjson/cJSON.h>

#include "fltplay/scenario.h"
#include "scenario/reader.h"

/* What a walk builds into (NULL engine: check only). */
typedef struct build {
  fp_engine *engine;
  fp_scenario_driver_fn add_driver;
  void *user;
  fp_engine_config config;
  fp_scenario_budgets budgets;
  int *driver_ids;            /* by index in $.filters */
  int *thread_ids;            /* by index in $.threads */
} build;

/* The names of completion modes and I/O paths, as the format spells them. */
extern const char *const sc_completion_names[];
extern const char *const sc_io_names[];

/* Reports the engine's last error at the current path. */
void sc_engine_error(rd *r, fp_engine *e);

/* The index of the entry of array `list` whose "name" is `name`, or -1. */
int sc_find_named(const cJSON *list, const char *name);

/* A completion: "inline" | "pending" | {"mode": ..., "delay": N} (member `key` of `obj`). */
void sc_read_completion(rd *r, const cJSON *obj, const char *key, int *mode, uint32_t *delay);

/* Read (and, with b->engine, add) $.files, $.filters and $.threads with their operations. */
void sc_read_files(rd *r, const cJSON *doc, build *b);
void sc_read_filters(rd *r, const cJSON *doc, build *b);
void sc_read_threads(rd *r, const cJSON *doc, build *b);

#endif
