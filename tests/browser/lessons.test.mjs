// A learner through lesson 7 (FltDoCompletionProcessingWhenSafe) in Chromium: open it, run the
// starter, see a goal fail with its variant and step, jump there, apply the solution, see every
// goal pass, reload, find the lesson and the progress kept; hints one at a time and the solution
// on request.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from './harness.mjs';
import { open, setSource, closeDialog, seen, editorText, screenshot } from './playground.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LESSON = '07-safe-post';

async function runLesson(page) {
  await page.click('#run');
  await page.waitForFunction(() => !document.body.dataset.running && !document.getElementById('run').disabled, null, { timeout: 90000 });
  await page.locator('.goal-summary').waitFor();
}

export const tests = [
  {
    name: 'lesson 7: the starter fails a goal in a variant at a step, the solution passes every goal, progress survives a reload',
    async run({ page, url }) {
      await open(page, url);
      await page.click('#lessons-button');
      await page.locator(`#lessons button[data-lesson="${LESSON}"]`).click();
      await page.locator('#lesson-title').waitFor();
      expect((await page.locator('#lesson-title').textContent()) === 'Completion work at a safe IRQL', 'the lesson title');
      const starter = fs.readFileSync(path.join(repo, 'lessons', LESSON, 'starter.c'), 'utf8');
      expect((await editorText(page)) === starter, 'the editor holds the starter');
      expect(await page.locator('#scenario').isHidden(), 'the playground scenario panel makes way for the lesson');

      // Run the starter: the subject goal fails, in the pending variant, at a step.
      await runLesson(page);
      await closeDialog(page);
      const failed = page.locator('.goal[data-goal="no-violation"][data-state="failed"]');
      await failed.waitFor();
      const failure = await failed.locator('.goal-failures li').first().textContent();
      expect(failure.includes('in variant pending') && failure.includes('API-1'), `the failure names the variant and the rule: ${failure}`);
      expect((await page.locator('.goal-summary').textContent()).match(/^\d+ of 10 goals pass/), 'a summary of the goals');
      await screenshot(page, 'lesson-starter-fails');

      // Jump to the failing step: the pending variant, at DISPATCH_LEVEL in a DPC, on the call.
      const go = failed.locator('.goal-go').first();
      const wanted = Number(await go.getAttribute('data-step'));
      await go.click();
      const state = await seen(page);
      const variants = await page.evaluate(() => window.fltplay.player.runs.map((r) => r.name));
      expect(variants[state.variant] === 'pending' && state.step === wanted, `jumped to pending, step ${wanted}: ${JSON.stringify(state)}`);
      expect(state.irql === 'DISPATCH_LEVEL' && state.dpc, `the failing step is at DISPATCH_LEVEL in a DPC: ${JSON.stringify(state)}`);
      expect(state.narration.includes('API-1'), `the narration names the rule: ${state.narration}`);
      expect(state.line && state.line.includes('FltLockUserBuffer'), `the call is highlighted: ${state.line}`);

      // Apply the solution (as if typed) and run: every goal passes in every variant.
      const solution = fs.readFileSync(path.join(repo, 'lessons', LESSON, 'solution.c'), 'utf8');
      await setSource(page, solution);
      await runLesson(page);
      await closeDialog(page);
      const summary = await page.locator('.goal-summary').textContent();
      expect(summary.startsWith('10 of 10 goals pass'), `every goal passes: ${summary}`);
      expect(await page.locator('.goal[data-state="failed"]').count() === 0, 'no goal is marked failed');
      await screenshot(page, 'lesson-solution-passes');

      // Reload: the lesson is open again with the learner's code, and the list marks it done.
      await page.reload();
      await page.locator('#core-status[data-state="ready"]').waitFor({ timeout: 30000 });
      await page.locator('#lesson-title').waitFor();
      expect((await editorText(page)) === solution, 'the code is kept');
      await page.click('#lessons-button');
      await page.locator(`#lessons[open] button[data-lesson="${LESSON}"]`).waitFor();
      const entry = page.locator(`#lessons button[data-lesson="${LESSON}"]`).locator('xpath=..');
      expect((await entry.locator('.lesson-done').count()) === 1, 'the lesson list marks lesson 7 done');
      await page.keyboard.press('Escape');
      await page.click('#lesson-leave');
      expect(await page.locator('#lesson-panel').isHidden(), 'leaving the lesson hides its panel');
      expect(await page.locator('#scenario').isVisible(), 'and brings the playground back');
    },
  },
  {
    name: 'lesson 7: hints one at a time, the solution on request and back to the learner\'s code, both kept over a reload',
    async run({ page, url }) {
      await open(page, url);
      await page.click('#lessons-button');
      await page.locator(`#lessons button[data-lesson="${LESSON}"]`).click();
      await page.locator('#lesson-title').waitFor();
      const hints = page.locator('#lesson-panel .hints li');
      expect((await hints.count()) === 0, 'no hint is shown at first');
      const total = JSON.parse(fs.readFileSync(path.join(repo, 'lessons', LESSON, 'lesson.json'), 'utf8')).hints.length;
      for (let shown = 1; shown <= total; shown++) {
        await page.click('#lesson-hint');
        await page.waitForFunction((n) => document.querySelectorAll('#lesson-panel .hints li').length === n, shown);
      }
      expect(await page.locator('#lesson-hint').isDisabled(), 'after the last hint the button is disabled');
      // The learner's own code, then the solution, then back.
      const mine = '// my attempt\n' + (await editorText(page));
      await setSource(page, mine);
      await page.click('#lesson-solution');
      const solution = fs.readFileSync(path.join(repo, 'lessons', LESSON, 'solution.c'), 'utf8');
      await page.waitForFunction(() => document.querySelector('#lesson-mine') !== null);
      expect((await editorText(page)) === solution, 'the solution is in the editor');
      await page.click('#lesson-mine');
      await page.locator('#lesson-solution').waitFor();
      expect((await editorText(page)) === mine, 'back to the learner\'s code');
      await page.reload();
      await page.locator('#core-status[data-state="ready"]').waitFor({ timeout: 30000 });
      await page.locator('#lesson-title').waitFor();
      expect((await hints.count()) === total, 'the hints shown are kept over a reload');
      expect((await editorText(page)) === mine, 'and the learner\'s code');
    },
  },
];
