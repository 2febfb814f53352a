// The Web Worker that hosts the wasm core, so learner code can never freeze the page.
// Messages in:  {type: 'request', id, request}  one JSON request (docs/api.md), answered once;
//               {type: 'run', id, request, slice} a run session: compile, run every chosen
//                 variant in slices of `slice` events, then hand the traces over;
//               {type: 'stop', id} stop that run after the current slice (its partial traces
//                 are still handed over).
// Messages out: {id, type: 'result', result} | {id, type: 'info', info} |
//               {id, type: 'progress', variant, events, end} |
//               {id, type: 'trace', variant, name, header, end, events} | {id, type: 'done', stopped} |
//               {id, type: 'error', error}.
import createFltplayModule from './dist/fltplay_core.mjs';

const ready = createFltplayModule();
const stopping = new Set();
const CHUNK = 4000;

/** Copies a JS string into the module's memory; returns [pointer, byte length]. */
function toWasm(core, text) {
  const size = core.lengthBytesUTF8(text);
  const pointer = core._malloc(size + 1);
  if (!pointer) throw new Error('out of memory in the engine');
  core.stringToUTF8(text, pointer, size + 1);
  return [pointer, size];
}

/** Reads and frees a string the core returned. */
function fromWasm(core, pointer) {
  if (!pointer) throw new Error('out of memory in the engine');
  try {
    return core.UTF8ToString(pointer);
  } finally {
    core._fp_free_wasm(pointer);
  }
}

function request(core, text) {
  const [input, size] = toWasm(core, text);
  try {
    return fromWasm(core, core._fp_request_wasm(input, size));
  } finally {
    core._free(input);
  }
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

async function run(core, id, requestText, slice) {
  const [input, size] = toWasm(core, requestText);
  let session = 0;
  try {
    session = core._fp_session_open_wasm(input, size);
  } finally {
    core._free(input);
  }
  if (!session) throw new Error('out of memory in the engine');
  try {
    const info = JSON.parse(fromWasm(core, core._fp_session_info_wasm(session)));
    self.postMessage({ id, type: 'info', info });
    if (!info.ok) return;
    let stopped = false;
    for (let v = 0; v < info.variants.length && !stopped; v++) {
      for (;;) {
        const progress = JSON.parse(fromWasm(core, core._fp_session_step_wasm(session, v, slice)));
        self.postMessage({ id, type: 'progress', variant: v, events: progress.events, end: progress.end });
        if (progress.end) break;
        await nextTask(); // lets a 'stop' message in, and V8 tier the module up between slices
        if (stopping.has(id)) {
          stopped = true;
          break;
        }
      }
    }
    for (let v = 0; v < info.variants.length; v++) {
      const whole = JSON.parse(fromWasm(core, core._fp_session_trace_wasm(session, v, 0xFFFFFFFF, 0)));
      const events = [];
      for (let first = 0; ; first += CHUNK) {
        const chunk = JSON.parse(fromWasm(core, core._fp_session_trace_wasm(session, v, first, CHUNK)));
        events.push(...chunk.events);
        if (chunk.events.length < CHUNK) break;
      }
      self.postMessage({ id, type: 'trace', variant: v, name: info.variants[v].name, header: whole.header, end: whole.end, events });
    }
    self.postMessage({ id, type: 'done', stopped });
  } finally {
    core._fp_session_close_wasm(session);
    stopping.delete(id);
  }
}

self.addEventListener('message', async (event) => {
  const message = event.data;
  if (message.type === 'stop') {
    stopping.add(message.id);
    return;
  }
  try {
    const core = await ready;
    if (message.type === 'run') await run(core, message.id, message.request, message.slice || 2000);
    else self.postMessage({ id: message.id, type: 'result', result: request(core, message.request) });
  } catch (error) {
    self.postMessage({ id: message.id, type: 'error', error: String(error && error.message ? error.message : error) });
  }
});
