// The page's handle on the engine: a Web Worker hosting the wasm core (web/worker.js).
// Requests are JSON objects; each call resolves with the core's JSON result.

export class CoreClient {
  #worker;
  #nextId = 1;
  #pending = new Map();

  constructor(workerUrl = new URL('./worker.js', import.meta.url)) {
    this.#worker = new Worker(workerUrl, { type: 'module' });
    this.#worker.addEventListener('message', (event) => this.#settle(event.data));
    this.#worker.addEventListener('error', (event) => this.#failAll(new Error(event.message || 'worker error')));
  }

  /** Sends one request; resolves with the parsed result, rejects if the worker fails. */
  request(body) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, request: JSON.stringify(body) });
    });
  }

  /** Stops the worker; pending requests are rejected. Safe to call twice. */
  delete() {
    if (!this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#failAll(new Error('the engine was stopped'));
  }

  #settle({ id, result, error }) {
    const waiter = this.#pending.get(id);
    if (!waiter) return;
    this.#pending.delete(id);
    if (error) waiter.reject(new Error(error));
    else waiter.resolve(JSON.parse(result));
  }

  #failAll(error) {
    for (const waiter of this.#pending.values()) waiter.reject(error);
    this.#pending.clear();
  }
}
