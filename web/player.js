// The player: which run (variant) is shown and which step of its trace is current, how the
// controls move the step (by event, by statement, into/over/out, first/last, violations,
// play at a speed), and who is told when it changes. The views listen; nothing here draws.
import { TraceModel } from './trace/model.js';

export const SPEEDS = [1, 2, 5, 10, 25];

export class Player {
  #listeners = new Set();
  #timer = null;

  constructor() {
    this.runs = [];       // [{name, model}]
    this.variant = 0;
    this.step = 0;
    this.speed = 2;       // index into SPEEDS: steps per second
    this.playing = false;
  }

  /** Calls `fn(player, why)` after every change; returns a function that unsubscribes. */
  subscribe(fn) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #notify(why) {
    for (const fn of this.#listeners) fn(this, why);
  }

  /** The model shown, or null before a run. */
  get model() {
    return this.runs[this.variant] ? this.runs[this.variant].model : null;
  }

  /** Replaces the runs (after a run finished); shows `variant` at `step` (default: the start,
   * or the first problem when the run ended on one). */
  load(runs, { variant = 0, step = null } = {}) {
    this.pause();
    this.runs = runs.map((run) => ({ name: run.name, model: new TraceModel(run.trace) }));
    this.variant = Math.min(variant, Math.max(0, this.runs.length - 1));
    const model = this.model;
    this.step = model ? this.#clamp(step ?? 0) : 0;
    this.#notify('load');
  }

  /** Shows another variant's trace, at the same step number when it has one. */
  selectVariant(index) {
    if (index < 0 || index >= this.runs.length || index === this.variant) return;
    this.pause();
    this.variant = index;
    this.step = this.#clamp(this.step);
    this.#notify('variant');
  }

  #clamp(step) {
    const model = this.model;
    if (!model || model.length === 0) return 0;
    return Math.max(0, Math.min(step, model.length - 1));
  }

  /** Goes to `step` (clamped). */
  go(step, why = 'go') {
    const next = this.#clamp(step);
    if (next === this.step && why !== 'force') return;
    this.step = next;
    this.#notify(why);
  }

  first() { this.go(0, 'first'); }
  last() { if (this.model) this.go(this.model.length - 1, 'last'); }
  nextEvent() { this.go(this.step + 1, 'next'); }
  previousEvent() { this.go(this.step - 1, 'previous'); }

  #toIndex(list, direction) {
    if (!this.model) return;
    const i = TraceModel.neighbour(list, this.step, direction);
    if (i >= 0) this.go(i, direction > 0 ? 'next' : 'previous');
  }

  nextStatement() { this.#toIndex(this.model?.statements || [], 1); }
  previousStatement() { this.#toIndex(this.model?.statements || [], -1); }
  nextProblem() { this.#toIndex(this.model?.problems || [], 1); }
  previousProblem() { this.#toIndex(this.model?.problems || [], -1); }

  stepInto() { const i = this.model?.stepInto(this.step) ?? -1; if (i >= 0) this.go(i, 'next'); }
  stepOver() { const i = this.model?.stepOver(this.step) ?? -1; if (i >= 0) this.go(i, 'next'); }
  stepOut() { const i = this.model?.stepOut(this.step) ?? -1; if (i >= 0) this.go(i, 'next'); }

  /** Starts playing forward at the current speed; stops at the end or at a problem. */
  play() {
    if (this.playing || !this.model) return;
    if (this.step >= this.model.length - 1) this.step = 0;
    this.playing = true;
    this.#notify('play');
    this.#schedule();
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.playing) return;
      const model = this.model;
      if (!model || this.step >= model.length - 1) {
        this.pause();
        return;
      }
      this.go(this.step + 1, 'play');
      if (model.problems.includes(this.step)) this.pause();
      else this.#schedule();
    }, 1000 / SPEEDS[this.speed]);
  }

  pause() {
    if (!this.playing) return;
    this.playing = false;
    clearTimeout(this.#timer);
    this.#notify('pause');
  }

  togglePlay() { if (this.playing) this.pause(); else this.play(); }

  setSpeed(index) {
    this.speed = Math.max(0, Math.min(SPEEDS.length - 1, index));
    this.#notify('speed');
    if (this.playing) this.#schedule();
  }
}
