// The Web Worker that hosts the wasm core, so learner code can never freeze the page.
// Message in: {id, request: JSON text}; message out: {id, result: JSON text} or {id, error}.
import createFltplayModule from './dist/fltplay_core.mjs';

const ready = createFltplayModule();

function call(core, requestText) {
  const size = core.lengthBytesUTF8(requestText);
  const input = core._malloc(size + 1);
  if (!input) throw new Error('out of memory in the engine');
  try {
    core.stringToUTF8(requestText, input, size + 1);
    const output = core._fp_request_wasm(input, size);
    if (!output) throw new Error('out of memory in the engine');
    try {
      return core.UTF8ToString(output);
    } finally {
      core._fp_free_wasm(output);
    }
  } finally {
    core._free(input);
  }
}

self.addEventListener('message', async (event) => {
  const { id, request } = event.data;
  try {
    const core = await ready;
    self.postMessage({ id, result: call(core, request) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
