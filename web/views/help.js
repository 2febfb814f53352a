// The help dialog: what the views show and every keyboard shortcut.
import { t } from '../text.js';
import { h } from './dom.js';
import { SHORTCUTS } from './controls.js';

/** Opens the help dialog in `dialog`. */
export function showHelp(dialog) {
  const rows = [
    ['Ctrl+Enter', t('ui.run')],
    ['Escape', t('ui.stop')],
    ...SHORTCUTS.map(([, key, keys]) => [keys, t(key)]),
    ['?', t('ui.help')],
  ];
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, t('ui.problem.close'));
  dialog.replaceChildren(
    h('h2', { id: 'help-title' }, t('ui.help.title')),
    h('p', {}, t('ui.help.intro')),
    h('table', { class: 'shortcuts' }, h('caption', {}, t('ui.help.shortcuts')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ui.help.key')), h('th', { scope: 'col' }, t('ui.help.action')))),
      h('tbody', {}, rows.map(([keys, what]) => h('tr', {}, h('td', {}, h('kbd', {}, keys)), h('td', {}, what))))),
    h('p', {}, t('ui.help.views')),
    close);
  if (!dialog.open) dialog.showModal();
  close.focus();
}
