// The lesson panel: the lesson's text, its goals with their results in every variant (a failed
// goal names the variant and the step, and jumps there), hints revealed one at a time, the
// solution on request, the links to Microsoft's pages.
import { t } from '../text.js';
import { h } from '../views/dom.js';
import { localized } from './catalog.js';
import { renderMarkdown } from './markdown.js';

export class LessonPanel {
  /** `actions`: {onLeave(), onHint(), onSolution(), onMine(), onGo(variantName, step)}. */
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
  }

  hide() {
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /** Shows `lesson` with its saved `progress` ({hints, showingSolution}) and the last `report`. */
  render(lesson, progress, report, locale = 'en') {
    const json = lesson.json;
    const hints = (json.hints || []).slice(0, progress.hints || 0);
    const left = (json.hints || []).length - hints.length;
    this.root.hidden = false;
    this.root.replaceChildren(
      h('div', { class: 'lesson-head' },
        h('h2', { id: 'lesson-title' }, localized(json.title, locale)),
        h('button', { type: 'button', id: 'lesson-leave', onclick: () => this.actions.onLeave() }, t('ui.lesson.leave'))),
      h('div', { class: 'lesson-text' }, renderMarkdown(lesson.markdown)),
      this.#goals(json, report, locale),
      h('div', { class: 'lesson-help' },
        hints.length ? h('ol', { class: 'hints', 'aria-label': t('ui.lesson.hints') }, hints.map((hint) => h('li', {}, localized(hint, locale)))) : null,
        h('button', { type: 'button', id: 'lesson-hint', disabled: left === 0 ? true : null, onclick: () => this.actions.onHint() },
          left ? t('ui.lesson.hint', { left }) : t('ui.lesson.no_more_hints')),
        progress.showingSolution
          ? h('button', { type: 'button', id: 'lesson-mine', onclick: () => this.actions.onMine() }, t('ui.lesson.mine'))
          : h('button', { type: 'button', id: 'lesson-solution', onclick: () => this.actions.onSolution() }, t('ui.lesson.solution'))),
      (json.links || []).length ? h('ul', { class: 'lesson-links', 'aria-label': t('ui.lesson.links') },
        json.links.map((link) => h('li', {}, h('a', { href: link.url, target: '_blank', rel: 'noopener' }, localized(link.title, locale))))) : null);
  }

  #goals(json, report, locale) {
    const byId = new Map((report?.goals || []).map((goal) => [goal.id, goal]));
    const items = (json.goals || []).map((goal) => {
      const result = byId.get(goal.id);
      const state = !result || result.passed === null ? 'unknown' : result.passed ? 'passed' : 'failed';
      const failures = (result?.results || []).filter((r) => r.passed === false);
      return h('li', { class: `goal goal-${state}`, 'data-goal': goal.id, 'data-state': state },
        h('span', { class: 'goal-mark', 'aria-hidden': 'true' }, state === 'passed' ? '✓' : state === 'failed' ? '✗' : '○'),
        h('span', { class: 'visually-hidden' }, t(`ui.lesson.goal_${state}`)),
        h('span', { class: 'goal-text' }, localized(goal.text, locale)),
        failures.length ? h('ul', { class: 'goal-failures' }, failures.map((f) => h('li', {},
          t('ui.lesson.failed_in', { variant: f.variant, reason: f.reason ? f.reason.message : '' }), ' ',
          f.step != null ? h('button', { type: 'button', class: 'goal-go', 'data-variant': f.variant, 'data-step': f.step,
            onclick: () => this.actions.onGo(f.variant, f.step) }, t('ui.lesson.show_step', { step: f.step + 1 })) : null))) : null);
    });
    const passed = (report?.goals || []).filter((g) => g.passed === true).length;
    const summary = report
      ? report.ok ? t('ui.lesson.summary', { passed, total: (json.goals || []).length }) : t('ui.lesson.cannot_check')
      : t('ui.lesson.not_run');
    return h('section', { class: 'lesson-goals', 'aria-labelledby': 'lesson-goals-title' },
      h('h3', { id: 'lesson-goals-title' }, t('ui.lesson.goals')),
      h('p', { class: 'goal-summary', role: 'status' }, summary),
      h('ul', { class: 'goals' }, items));
  }
}
