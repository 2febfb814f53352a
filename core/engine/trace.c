#include "engine/trace.h"

#include <string.h>

static const char *const kind_names[] = {
#define X(name, json) json,
  TRC_KINDS(X)
#undef X
};

const char *trc_kind_name(trc_kind k) { return (unsigned)k < TRC_KIND_COUNT ? kind_names[k] : "unknown"; }

void trc_init(trc_trace *t, fp_alloc *a) {
  memset(t, 0, sizeof *t);
  t->alloc = a;
}

void trc_free(trc_trace *t) {
  for (uint32_t i = 0; i < t->nstrings; i++) fp_free(t->alloc, t->strings[i]);
  fp_free(t->alloc, t->strings);
  fp_free(t->alloc, t->hash);
  for (uint32_t i = 0; i < t->nchunks; i++) fp_free(t->alloc, t->chunks[i]);
  fp_free(t->alloc, t->chunks);
  for (uint32_t i = 0; i < t->nwchunks; i++) fp_free(t->alloc, t->wchunks[i]);
  fp_free(t->alloc, t->wchunks);
  fp_alloc *a = t->alloc;
  trc_init(t, a);
}

static int grow(fp_alloc *a, void **items, uint32_t *cap, uint32_t need, size_t size) {
  if (need <= *cap) return 1;
  uint32_t c = *cap ? *cap : 256;
  while (c < need) c *= 2;
  void *p = fp_realloc(a, *items, (size_t)c * size);
  if (!p) return 0;
  *items = p;
  *cap = c;
  return 1;
}

trc_event *trc_add(trc_trace *t, const trc_event *e) {
  trc_event *out = trc_new(t);
  if (!out) return NULL;
  uint32_t seq = out->seq, words = out->words;
  *out = *e;
  out->seq = seq;
  out->words = words;
  out->nwords = 0;
  return out;
}

trc_event *trc_grow(trc_trace *t) {
  if (t->failed) return NULL;
  if (t->count >= t->cap) {
    trc_event *chunk = NULL;
    if (t->count > UINT32_MAX - TRC_CHUNK || !grow(t->alloc, (void **)&t->chunks, &t->chunks_cap, t->nchunks + 1, sizeof *t->chunks) ||
        !(chunk = fp_malloc(t->alloc, TRC_CHUNK * sizeof *chunk))) {
      t->failed = 1;
      return NULL;
    }
    t->chunks[t->nchunks++] = chunk;
    t->next = chunk;
    t->end = chunk + TRC_CHUNK;
    t->cap += TRC_CHUNK;
  }
  return trc_new(t);
}

int trc_add_words_grow(trc_trace *t, const uint64_t *w, uint32_t n) {
  if (!t->count || t->failed) return 0;
  trc_event *ev = t->last;
  uint64_t *chunk = NULL;
  if (ev->nwords + n > TRC_WCHUNK || t->nwchunks >= UINT32_MAX >> TRC_WCHUNK_SHIFT ||
      !grow(t->alloc, (void **)&t->wchunks, &t->wchunks_cap, t->nwchunks + 1, sizeof *t->wchunks) ||
      !(chunk = fp_malloc(t->alloc, TRC_WCHUNK * sizeof *chunk))) {
    t->failed = 1;
    t->end = t->next; /* no room for anything after this */
    t->wend = t->wnext;
    return 0;
  }
  /* The last event's words so far move to the new chunk, so that they stay in a row. */
  const uint64_t *old = trc_words(t, ev);
  if (old) memcpy(chunk, old, ev->nwords * sizeof *chunk);
  memcpy(chunk + ev->nwords, w, n * sizeof *w);
  t->wchunks[t->nwchunks] = chunk;
  ev->words = t->nwchunks << TRC_WCHUNK_SHIFT;
  t->nwchunks++;
  ev->nwords += n;
  t->nwords = ev->words + ev->nwords;
  t->wnext = chunk + ev->nwords;
  t->wend = chunk + TRC_WCHUNK;
  return 1;
}

static uint32_t hash_string(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

static int rehash(trc_trace *t) {
  uint32_t cap = t->hash_cap ? t->hash_cap * 2 : 256;
  uint32_t *hash = fp_calloc(t->alloc, cap, sizeof *hash);
  if (!hash) return 0;
  for (uint32_t id = 1; id <= t->nstrings; id++) {
    uint32_t i = hash_string(t->strings[id - 1]) & (cap - 1);
    while (hash[i]) i = (i + 1) & (cap - 1);
    hash[i] = id;
  }
  fp_free(t->alloc, t->hash);
  t->hash = hash;
  t->hash_cap = cap;
  return 1;
}

uint32_t trc_intern(trc_trace *t, const char *s) {
  if (!s) return 0;
  if ((t->nstrings + 1) * 2 > t->hash_cap && !rehash(t)) return 0;
  uint32_t i = hash_string(s) & (t->hash_cap - 1);
  while (t->hash[i]) {
    if (strcmp(t->strings[t->hash[i] - 1], s) == 0) return t->hash[i];
    i = (i + 1) & (t->hash_cap - 1);
  }
  if (!grow(t->alloc, (void **)&t->strings, &t->strings_cap, t->nstrings + 1, sizeof *t->strings)) return 0;
  char *copy = fp_strdup(t->alloc, s);
  if (!copy) return 0;
  t->strings[t->nstrings++] = copy;
  t->hash[i] = t->nstrings;
  return t->nstrings;
}

uint32_t trc_intern_const(trc_trace *t, const char *s) {
  uint32_t slot = ((uint32_t)((uintptr_t)s >> 3) * 2654435761u >> 26) % TRC_CONST_CACHE;
  if (s && t->const_keys[slot] == s) return t->const_ids[slot];
  uint32_t id = trc_intern(t, s);
  if (id) {
    t->const_keys[slot] = s;
    t->const_ids[slot] = id;
  }
  return id;
}

const char *trc_string(const trc_trace *t, uint32_t id) {
  return id && id <= t->nstrings ? t->strings[id - 1] : "";
}
