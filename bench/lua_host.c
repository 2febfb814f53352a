/* lua_host.c: the workload with Lua 5.4 callbacks (workload.lua) called by a C host that
 * walks the stack of four filters as the reference does (bench/README.md).
 *   lua_host WORKLOAD.lua [SESSIONS] [REPETITIONS] */
#define _POSIX_C_SOURCE 199309L
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "timing.h"
#include "workload.h"

typedef struct host {
  lua_State *L;
  int pre, post, data; /* registry references */
} host;

static void set_int(lua_State *L, int table, const char *field, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, table, field);
}

static lua_Integer get_int(lua_State *L, int table, const char *field) {
  lua_getfield(L, table, field);
  lua_Integer v = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return v;
}

static int call(host *h, int fn, int filter, int with_flags) {
  lua_rawgeti(h->L, LUA_REGISTRYINDEX, fn);
  lua_pushinteger(h->L, filter);
  lua_rawgeti(h->L, LUA_REGISTRYINDEX, h->data);
  if (with_flags) lua_pushinteger(h->L, 0);
  lua_call(h->L, with_flags ? 3 : 2, 1);
  int r = (int)lua_tointeger(h->L, -1);
  lua_pop(h->L, 1);
  return r;
}

static uint64_t run(host *h, uint32_t sessions) {
  lua_State *L = h->L;
  uint64_t calls = 0;
  lua_rawgeti(L, LUA_REGISTRYINDEX, h->data);
  int data = lua_gettop(L);
  for (uint32_t k = 0; k < sessions; k++)
    for (int i = 0; i < BENCH_OPS_PER_SESSION; i++) {
      bench_data d;
      bench_op(k, i, &d);
      set_int(L, data, "flags", d.flags);
      set_int(L, data, "major", d.major);
      set_int(L, data, "create_options", d.create_options);
      set_int(L, data, "length", d.length);
      set_int(L, data, "status", d.status);
      set_int(L, data, "information", 0);
      int want[BENCH_FILTERS] = { 0 };
      int stop = BENCH_FILTERS;
      for (int f = 0; f < BENCH_FILTERS; f++) {
        int r = call(h, h->pre, f, 0);
        calls++;
        if (r == PREOP_COMPLETE) {
          stop = f;
          break;
        }
        want[f] = r == PREOP_SUCCESS_WITH_CALLBACK;
      }
      if (stop == BENCH_FILTERS) {
        set_int(L, data, "status", ST_SUCCESS);
        set_int(L, data, "information", d.length);
      }
      for (int f = stop - 1; f >= 0; f--)
        if (want[f]) {
          call(h, h->post, f, 1);
          calls++;
        }
    }
  lua_pop(L, 1);
  return calls;
}

static uint64_t checksum(lua_State *L) {
  bench_counters c[BENCH_FILTERS];
  lua_getglobal(L, "counters");
  for (int f = 0; f < BENCH_FILTERS; f++) {
    lua_rawgeti(L, -1, f);
    int t = lua_gettop(L);
    c[f].creates = (uint32_t)get_int(L, t, "creates");
    c[f].reads = (uint32_t)get_int(L, t, "reads");
    c[f].writes = (uint32_t)get_int(L, t, "writes");
    c[f].others = (uint32_t)get_int(L, t, "others");
    c[f].errors = (uint32_t)get_int(L, t, "errors");
    c[f].write_through = (uint32_t)get_int(L, t, "write_through");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return bench_checksum(c, BENCH_FILTERS);
}

/* A fresh state with the workload loaded. */
static int open_host(host *h, const char *script) {
  h->L = luaL_newstate();
  if (!h->L) return 0;
  luaL_openlibs(h->L);
  if (luaL_dofile(h->L, script) != LUA_OK) {
    fprintf(stderr, "lua_host: %s\n", lua_tostring(h->L, -1));
    return 0;
  }
  lua_getglobal(h->L, "pre");
  h->pre = luaL_ref(h->L, LUA_REGISTRYINDEX);
  lua_getglobal(h->L, "post");
  h->post = luaL_ref(h->L, LUA_REGISTRYINDEX);
  lua_newtable(h->L);
  h->data = luaL_ref(h->L, LUA_REGISTRYINDEX);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: lua_host WORKLOAD.lua [SESSIONS] [REPETITIONS]\n", stderr);
    return 2;
  }
  uint32_t sessions = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 2000;
  int repetitions = argc > 3 ? atoi(argv[3]) : 5;
  double best = 1e30;
  uint64_t calls = 0, sum = 0;
  for (int r = 0; r < repetitions; r++) {
    host h;
    if (!open_host(&h, argv[1])) return 1;
    double start = bench_now();
    calls = run(&h, sessions);
    double elapsed = bench_now() - start;
    sum = checksum(h.L);
    lua_close(h.L);
    if (elapsed < best) best = elapsed;
  }
#ifdef __EMSCRIPTEN__
  bench_report("lua-wasm", calls, best, sum);
#else
  bench_report("lua", calls, best, sum);
#endif
  return 0;
}
