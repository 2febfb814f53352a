// Helpers for the playground's browser tests: open the page, put a driver in the editor, run it
// and wait for the traces, read what the learner sees.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
export const SCREENSHOTS = path.join(repo, 'test-artifacts', 'screenshots');

/** The text of a test driver (tests/browser/drivers/NAME.c; complete-pending is the CLI
 * tests' pending.c, shared). */
export function driver(name) {
  if (name === 'complete-pending') return fs.readFileSync(path.join(repo, 'tests', 'cli', 'data', 'pending.c'), 'utf8');
  return fs.readFileSync(path.join(here, 'drivers', `${name}.c`), 'utf8');
}

/** Opens the playground and waits until the engine has answered. */
export async function open(page, url) {
  await page.goto(url);
  await page.locator('#core-status[data-state="ready"]').waitFor({ timeout: 30000 });
}

/** The whole text in the editor (CodeMirror renders only the lines in view). */
export async function editorText(page) {
  return page.evaluate(() => window.fltplay.editor.text);
}

/** Replaces the editor's text (as one edit, like a paste). */
export async function setSource(page, text) {
  await page.evaluate((source) => window.fltplay.editor.setText(source), text);
}

/** Clicks Run and waits until the run has finished (traces shown or diagnostics listed). */
export async function run(page, { dialog = 'any' } = {}) {
  await page.click('#run');
  await page.waitForFunction(() => !document.body.dataset.running && !document.getElementById('run').disabled, null, { timeout: 60000 });
  if (dialog === 'close') await closeDialog(page);
}

/** Closes the problem dialog if it is open. */
export async function closeDialog(page) {
  if (await page.locator('#problem[open]').count()) await page.locator('#problem .close').click();
}

/** What the player shows: the step, the narration, the highlighted line's text, the IRQL in
 * the inspector, the current stack layer and where the operation token is. */
export async function seen(page) {
  return page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent?.trim() ?? null;
    const token = document.querySelector('#stack .op-token');
    return {
      step: window.fltplay.player.step,
      position: text('#position'),
      narration: text('#narration'),
      line: text('.cm-current-step'),
      irql: text('#inspector .irql'),
      thread: text('#inspector .thread-name'),
      dpc: !!document.querySelector('#inspector .dpc-badge'),
      currentLayer: text('#stack .layer[data-current="true"] .layer-name'),
      tokenLayer: token ? token.closest('.layer')?.querySelector('.layer-name')?.textContent ?? null : null,
      phase: document.querySelector('#stack .stack-caption')?.dataset.phase ?? null,
      variant: window.fltplay.player.variant,
      events: window.fltplay.player.model ? window.fltplay.player.model.length : 0,
    };
  });
}

/** The index of the first event of the shown trace for which `predicate(event)` holds (the
 * page's CSP forbids eval, so the events come here to be tested). */
export async function find(page, predicate) {
  const events = await page.evaluate(() => window.fltplay.player.model.events);
  const i = events.findIndex(predicate);
  expect(i >= 0, `no event where ${predicate}`);
  return i;
}

/** Moves the player to step `i` the way the log does (a click on its row is tested elsewhere). */
export async function go(page, i) {
  await page.evaluate((step) => window.fltplay.player.go(step, 'select'), i);
}

/** Checks or unchecks a scenario setting by its input value. */
export async function setting(page, name, value, on) {
  const box = page.locator(`#scenario-form input[name="${name}"][value="${value}"]`);
  if ((await box.isChecked()) !== on) await box.click();
}

/** Saves a screenshot of the page for docs/playground.md. */
export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core in the page; returns its serious and critical violations. */
export async function axe(page) {
  const source = fs.readFileSync(path.join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}
