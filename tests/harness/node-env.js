// --pre-js for the unit tests built as wasm: Emscripten does not pass the process environment
// to getenv(), so the variables the test harness reads are copied in before main runs.
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  if (typeof process !== 'object') return;
  ['FLTPLAY_TRACE_DIR', 'FLTPLAY_TRACE_PREFIX', 'FLTPLAY_DUMP'].forEach(function (name) {
    if (process.env[name] !== undefined) ENV[name] = process.env[name];
  });
});
