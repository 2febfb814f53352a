// The page's handle on the engine: a Web Worker hosting the wasm core (web/worker.js).
// `request(obj)` sends one JSON request; `run(request, onProgress)` runs a session in slices
// and resolves with {info, runs: [{name, trace}], stopped}; `stop()` stops the current run
// (its partial traces still arrive); `kill()` ends a worker that does not answer and starts a
// new one, so nothing the learner writes can hang the page.

export class CoreClient {
  #worker = null;
  #nextId = 1;
  #pending = new Map();
  #url;

  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.#url = workerUrl;
    this.#start();
  }

  #start() {
    this.#worker = new Worker(this.#url, { type: 'module' });
    this.#worker.addEventListener('message', (event) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#failAll(new Error(event.message || 'the engine stopped'));
    });
  }

  /** Sends one request; resolves with the parsed result. */
  request(body) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, kind: 'request' });
      this.#worker.postMessage({ type: 'request', id, request: JSON.stringify(body) });
    });
  }

  /** Runs a session request (docs/api.md); `onProgress({variant, events, end})` follows it. */
  run(body, { onProgress = () => {}, slice = 2000 } = {}) {
    const id = this.#nextId++;
    this.current = id;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, kind: 'run', onProgress, info: null, runs: [] });
      this.#worker.postMessage({ type: 'run', id, request: JSON.stringify(body), slice });
    });
  }

  /** Asks the current run to stop after its current slice. */
  stop() {
    if (this.current && this.#pending.has(this.current)) this.#worker.postMessage({ type: 'stop', id: this.current });
  }

  /** Terminates the worker (pending calls fail) and starts a fresh one. */
  kill() {
    this.#worker.terminate();
    this.#failAll(new Error('the engine was restarted'));
    this.#start();
  }

  /** Stops the worker for good. */
  delete() {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#failAll(new Error('the engine was stopped'));
  }

  #receive(message) {
    const waiter = this.#pending.get(message.id);
    if (!waiter) return;
    switch (message.type) {
      case 'result':
        this.#pending.delete(message.id);
        waiter.resolve(JSON.parse(message.result));
        break;
      case 'info':
        waiter.info = message.info;
        if (!message.info.ok) {
          this.#pending.delete(message.id);
          waiter.resolve({ info: message.info, runs: [], stopped: false });
        }
        break;
      case 'progress':
        waiter.onProgress(message);
        break;
      case 'trace':
        waiter.runs[message.variant] = { name: message.name, trace: { header: message.header, end: message.end, events: message.events } };
        break;
      case 'done':
        this.#pending.delete(message.id);
        waiter.resolve({ info: waiter.info, runs: waiter.runs, stopped: message.stopped });
        break;
      case 'error':
        this.#pending.delete(message.id);
        waiter.reject(new Error(message.error));
        break;
      default:
        break;
    }
  }

  #failAll(error) {
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
  }
}
