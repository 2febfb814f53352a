// The screen for a run that did not simply complete: the bug-check screen (code, name, the
// four parameters with their documented meaning, why, the fix, Microsoft's page, a button to
// the step where it happened), the Filter Verifier prompt (break / ignore / zap / remove:
// answering re-runs the scenario with that choice), a hang, a budget, a stop by the learner.
import { t } from '../text.js';
import { h } from './dom.js';

export class ProblemView {
  /** `explain(topic)` resolves with the core's explanation ({title, why, fix, link, ...});
   * `onAnswer(rule, answer)` re-runs with a Verifier answer; `onGo(step)` shows a step. */
  constructor(dialog, { explain, onAnswer, onGo }) {
    this.dialog = dialog;
    this.explain = explain;
    this.onAnswer = onAnswer;
    this.onGo = onGo;
    this.shownFor = null;
    dialog.addEventListener('close', () => { this.open = false; });
  }

  /** The event that explains how a run ended, or null for a completed run. */
  static problemOf(model) {
    if (!model || model.end.reason === 'completed') return null;
    for (let i = model.length - 1; i >= 0; i--) {
      const event = model.events[i];
      if (event.kind === 'bugcheck' || event.kind === 'hang' || (event.kind === 'violation' && event.stops)) return i;
    }
    return model.length ? model.length - 1 : null;
  }

  /** Shows the screen for `model` (once per model unless `force`). */
  async show(model, { force = false, stopped = false } = {}) {
    if (!model || (!force && this.shownFor === model)) return;
    const step = ProblemView.problemOf(model);
    if (step == null && !stopped) return;
    this.shownFor = model;
    const event = step != null ? model.events[step] : null;
    const body = await this.#body(model, event, step, stopped);
    const close = h('button', { type: 'button', class: 'close', onclick: () => this.dialog.close() }, t('ui.problem.close'));
    const go = step != null ? h('button', { type: 'button', class: 'primary', id: 'problem-go',
      onclick: () => { this.dialog.close(); this.onGo(step); } }, t('ui.problem.go', { step: step + 1 })) : null;
    this.dialog.replaceChildren(...body, h('div', { class: 'problem-actions' }, go, close));
    this.dialog.dataset.kind = event ? event.kind : 'stopped';
    if (!this.dialog.open) this.dialog.showModal();
    this.open = true;
    (go || close).focus();
  }

  async #body(model, event, step, stopped) {
    if (stopped || model.end.reason === 'running') {
      return [h('h2', { id: 'problem-title' }, t('ui.problem.stopped_title')), h('p', {}, t('ui.problem.stopped', { events: model.length }))];
    }
    if (event && event.kind === 'bugcheck') return this.#bugcheck(event);
    if (event && event.kind === 'violation') return this.#verifier(event);
    if (event && event.kind === 'hang') {
      const info = event.rule ? await this.explain(event.rule) : null;
      return [h('h2', { id: 'problem-title' }, t('ui.problem.hang_title')), h('p', { class: 'what' }, event.what || ''), ...this.#explanation(info)];
    }
    if (model.end.reason === 'budget') {
      return [h('h2', { id: 'problem-title' }, t('ui.problem.budget_title')), h('p', {}, t('ui.problem.budget', { events: model.length }))];
    }
    return [h('h2', { id: 'problem-title' }, t('ui.problem.internal_title')), h('p', {}, event ? event.what || '' : '')];
  }

  #explanation(info) {
    if (!info || !info.ok) return [];
    return [
      info.title ? h('p', { class: 'title' }, info.title) : null,
      info.why ? h('section', { class: 'why' }, h('h3', {}, t('ui.problem.why')), h('p', {}, info.why)) : null,
      info.fix ? h('section', { class: 'fix' }, h('h3', {}, t('ui.problem.fix')), h('p', {}, info.fix)) : null,
      info.link ? h('p', { class: 'link' }, h('a', { href: info.link, target: '_blank', rel: 'noopener' }, t('ui.problem.link'))) : null,
    ].filter(Boolean);
  }

  async #bugcheck(event) {
    const info = await this.explain(event.code);
    const rule = event.rule ? await this.explain(event.rule) : null;
    const parameters = (event.parameters || []).map((value, i) => h('tr', {},
      h('th', { scope: 'row' }, `P${i + 1}`), h('td', { class: 'value' }, value),
      h('td', {}, info && info.parameters && info.parameters[i] ? info.parameters[i] : t('ui.problem.undocumented'))));
    const code = `0x${event.code.replace(/^0x/i, '').toUpperCase().padStart(8, '0')}`;
    return [
      h('h2', { id: 'problem-title', class: 'stop-code' }, t('ui.problem.bugcheck_title', { code, name: event.name })),
      h('table', { class: 'parameters' }, h('caption', {}, t('ui.problem.parameters')), h('tbody', {}, parameters)),
      ...this.#explanation(info),
      rule && rule.ok ? h('p', { class: 'rule' }, t('ui.problem.rule', { rule: rule.id, title: rule.title || '' })) : null,
    ].filter(Boolean);
  }

  async #verifier(event) {
    const info = await this.explain(event.rule);
    const answers = ['break', 'ignore', 'zap', 'remove'].map((answer) => h('button', { type: 'button', 'data-answer': answer,
      onclick: () => { this.dialog.close(); if (answer !== 'break') this.onAnswer(event.rule, answer); } }, t(`ui.problem.answer.${answer}`)));
    return [
      h('h2', { id: 'problem-title' }, t('ui.problem.verifier_title', { label: event.label || event.rule })),
      ...this.#explanation(info),
      h('p', { class: 'prompt' }, t('ui.problem.prompt')),
      h('div', { class: 'answers', role: 'group', 'aria-label': t('ui.problem.prompt') }, answers),
    ];
  }
}
