// The list of lessons, with the learner's progress; choosing one opens it.
import { t } from '../text.js';
import { h } from '../views/dom.js';
import { localized } from './catalog.js';

/** Opens the lessons dialog in `dialog`: `lessons` [{dir, id, title}], `progress` by id,
 * `onOpen(dir)` when one is chosen. */
export function showLessons(dialog, lessons, progress, onOpen, locale = 'en') {
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, t('ui.problem.close'));
  dialog.replaceChildren(
    h('h2', { id: 'lessons-title' }, t('ui.lessons.title')),
    h('p', {}, t('ui.lessons.intro')),
    h('ol', { class: 'lesson-list' }, lessons.map((lesson) => {
      const done = progress[lesson.id]?.passed === true;
      return h('li', {}, h('button', { type: 'button', 'data-lesson': lesson.dir, onclick: () => { dialog.close(); onOpen(lesson.dir); } },
        localized(lesson.title, locale)), ' ', h('span', { class: done ? 'lesson-done' : 'lesson-open' }, t(done ? 'ui.lessons.done' : 'ui.lessons.todo')));
    })),
    close);
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('.lesson-list button')?.focus();
}
