// The playground in Chromium, driven as a learner drives it: real runs of real drivers through
// the wasm core in its worker, every control and view, asserting what the learner sees change.
import fs from 'node:fs';
import { expect } from './harness.mjs';
import { open, setSource, run, closeDialog, seen, find, go, setting, screenshot, driver, axe, editorText } from './playground.mjs';

const STARTER_FIRST_LINE = '// A first minifilter: it watches reads on the volume.';

export const tests = [
  {
    name: 'edit and run: a typed driver compiles, runs in two variants and the player shows its steps',
    async run({ page, url }) {
      await open(page, url);
      expect((await editorText(page)).startsWith(STARTER_FIRST_LINE), 'the starter is in the editor');
      // Type a change with the keyboard, then run with Ctrl+Enter.
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n// edited by the test\n');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => window.fltplay.player.runs.length === 2, null, { timeout: 60000 });
      await closeDialog(page);
      const tabs = await page.locator('#variants [role="tab"]').allTextContents();
      expect(tabs.length === 2 && tabs[0].startsWith('inline') && tabs[1].startsWith('pending'), `variant tabs: ${tabs}`);
      const state = await seen(page);
      expect(state.step === 0 && state.narration.includes('The system starts'), `first step narration: ${state.narration}`);
      expect(/Step 1 of \d+/.test(state.position), `position: ${state.position}`);
      expect((await page.locator('#run-status').textContent()).includes('Ran 2 variants'), 'the status says what ran');
      expect((await editorText(page)).includes('edited by the test'), 'the edit is in the editor');
      await screenshot(page, 'a-normal-run');
    },
  },
  {
    name: 'a compile error is listed under the editor and underlined at its line and column',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, '#include <fltKernel.h>\nNTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) {\n  return STATUS_SUCCESS\n}\n');
      await run(page);
      const listed = await page.locator('#diagnostics .diagnostic.error').first().textContent();
      expect(listed.includes('driver.c:3:') && listed.includes("expected ';'"), `diagnostic: ${listed}`);
      await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 5000 });
      expect((await page.locator('#run-status').textContent()).includes('does not compile'), 'the status says it does not compile');
      expect((await page.locator('#variants [role="tab"]').count()) === 0, 'no trace is shown');
    },
  },
  {
    name: 'step forward and back by event and by statement, with the line, the IRQL and the stack following',
    async run({ page, url }) {
      await open(page, url);
      await run(page, { dialog: 'close' });
      const enter = await find(page, (e) => e.kind === 'callback_enter' && e.function === 'PreRead');
      await go(page, enter);
      await page.locator('#controls').focus();
      let state = await seen(page);
      expect(state.currentLayer === 'MyFilter' && state.narration.includes('enters PreRead'), `at PreRead's entry: ${JSON.stringify(state)}`);
      await page.keyboard.press('ArrowDown'); // the next statement
      state = await seen(page);
      expect(state.line && state.line.includes('UNREFERENCED_PARAMETER(FltObjects)'), `first line of PreRead highlighted: ${state.line}`);
      expect(state.irql === 'PASSIVE_LEVEL', `IRQL label: ${state.irql}`);
      await page.keyboard.press('ArrowDown');
      const second = await seen(page);
      expect(second.line.includes('*CompletionContext = NULL'), `next statement: ${second.line}`);
      await page.keyboard.press('ArrowUp');
      expect((await seen(page)).line.includes('UNREFERENCED_PARAMETER(FltObjects)'), 'previous statement goes back a line');
      const before = (await seen(page)).step;
      await page.keyboard.press('ArrowRight');
      expect((await seen(page)).step === before + 1, 'forward by one event');
      await page.keyboard.press('ArrowLeft');
      expect((await seen(page)).step === before, 'back by one event');
      await page.click('#control-next-event');
      expect((await seen(page)).step === before + 1, 'the Forward button steps one event');
      await page.keyboard.press('End');
      state = await seen(page);
      expect(state.narration.includes('The run ends'), `last step: ${state.narration}`);
      await page.keyboard.press('Home');
      expect((await seen(page)).step === 0, 'Home goes to the first step');
    },
  },
  {
    name: 'the operation slides between the layers of the stack, not when the learner asks for reduced motion; the narration is a live region',
    async run({ page, url }) {
      await open(page, url);
      await run(page, { dialog: 'close' });
      // Count the token's slides (Element.animate on .op-token) from here on.
      await page.evaluate(() => {
        window.slides = 0;
        const animate = Element.prototype.animate;
        Element.prototype.animate = function (...args) {
          if (this.classList.contains('op-token')) window.slides += 1;
          return animate.apply(this, args);
        };
      });
      // From PreRead's return the operation goes down to the next layer.
      const exit = await find(page, (e) => e.kind === 'callback_exit' && e.function === 'PreRead');
      await go(page, exit);
      const before = await seen(page);
      await page.locator('#controls').focus();
      await page.keyboard.press('ArrowRight');
      const after = await seen(page);
      expect(before.tokenLayer === 'MyFilter' && after.tokenLayer && after.tokenLayer !== 'MyFilter', `the operation moves down: ${before.tokenLayer} -> ${after.tokenLayer}`);
      expect((await page.evaluate(() => window.slides)) === 1, 'the move is animated');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      const again = await seen(page);
      expect(again.step === after.step && again.tokenLayer === after.tokenLayer, `one layer down again: ${JSON.stringify(again)}`);
      expect((await page.evaluate(() => window.slides)) === 1, 'no slide with prefers-reduced-motion: reduce');
      const narration = page.locator('#narration');
      expect((await narration.getAttribute('aria-live')) === 'polite' && (await narration.getAttribute('role')) === 'status', 'the narration is announced (a polite live region)');
      expect(again.narration === after.narration && again.narration.length > 0, `the narration follows: ${again.narration}`);
    },
  },
  {
    name: 'the inspector marks pool blocks paged or nonpaged and highlights what changed; a click in the event log jumps there; the playhead of the lanes follows',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('pool-context'));
      await run(page, { dialog: 'close' });
      const paged = await find(page, (e) => e.kind === 'pool_alloc' && e.pool === 'paged');
      await go(page, paged);
      const poolText = () => page.locator('#inspector').textContent();
      expect((await poolText()).includes('64 bytes, tag Note, paged'), 'the paged block is listed as paged');
      const nonpaged = await find(page, (e) => e.kind === 'pool_alloc' && e.pool === 'nonpaged');
      await go(page, nonpaged);
      expect((await poolText()).includes('4 bytes, tag RLen, nonpaged'), 'the nonpaged block is listed as nonpaged');
      const playhead = () => page.locator('#lanes line.playhead').getAttribute('x1');
      const x = Number(await playhead());
      // The statement after the allocation wrote `length`: its row is highlighted as changed.
      const wrote = await find(page, (e) => e.kind === 'statement' && e.locals && 'length' in e.locals);
      await go(page, wrote);
      const row = page.locator('#inspector tr[data-field="length"]');
      expect((await row.getAttribute('data-changed')) === 'true', 'the local that changed at this step is highlighted');
      expect(Number(await playhead()) > x, 'the playhead moved on with the step');
      await page.locator('#controls').focus();
      await page.keyboard.press('ArrowRight');
      expect((await row.getAttribute('data-changed')) !== 'true', 'at the next step it is no longer marked');
      // The event log: a click on a row a few events on goes there.
      const target = wrote + 3;
      await page.locator(`#log button[data-step="${target}"]`).click();
      expect((await seen(page)).step === target, 'the log click moved the player');
      expect((await page.locator(`#log button[data-step="${target}"]`).getAttribute('aria-current')) === 'step', 'the clicked row is the current one');
    },
  },
  {
    name: 'the scenario panel: every variant runs and gets its tab, and the other filters join the stack at their altitudes',
    async run({ page, url }) {
      await open(page, url);
      for (const v of ['fast_io', 'paging', 'noncached', 'pressure', 'verifier_off']) await setting(page, 'variants', v, true);
      for (const other of ['passthrough', 'auditor']) await setting(page, 'others', other, true);
      await run(page, { dialog: 'close' });
      const tabs = await page.locator('#variants [role="tab"]').allTextContents();
      expect(tabs.length === 7, `seven variant tabs: ${JSON.stringify(tabs)}`);
      const layers = await page.locator('#stack .layer .layer-name').allTextContents();
      const order = ['PassThrough', 'MyFilter', 'Auditor'].map((name) => layers.indexOf(name));
      expect(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], `the filters by altitude, highest first: ${layers}`);
      expect((await page.locator('#stack').textContent()).includes('385100'), 'each filter shows its altitude');
      // Each variant's trace is the one its tab says: look at the first read of each.
      const firstRead = async (tab) => {
        await page.click(`#variants [data-variant="${tab}"]`);
        const i = await find(page, (e) => e.kind === 'op_start' && e.major === 'IRP_MJ_READ');
        return page.evaluate((step) => window.fltplay.player.model.events[step], i);
      };
      const index = (name) => { const i = tabs.findIndex((label) => label.startsWith(name)); expect(i >= 0, `a tab for ${name}: ${JSON.stringify(tabs)}`); return i; };
      expect((await firstRead(index('fast_io'))).op_kind === 'fast_io', 'the fast I/O variant starts with fast I/O');
      expect((await firstRead(index('paging'))).irp_flags.includes('IRP_PAGING_IO'), 'the paging variant reads with IRP_PAGING_IO');
      expect((await firstRead(index('noncached'))).irp_flags.includes('IRP_NOCACHE'), 'the non-cached variant reads with IRP_NOCACHE');
    },
  },
  {
    name: 'the page keeps to its Content-Security-Policy: no eval, no inline script, and a run breaks none of it',
    async run({ page, url }) {
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await open(page, url);
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      const scriptSrc = (policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) || '').split(/\s+/);
      expect(scriptSrc.includes("'self'") && !scriptSrc.includes("'unsafe-eval'") && !scriptSrc.includes("'unsafe-inline'"),
        `script-src allows neither eval nor inline scripts (only 'wasm-unsafe-eval' for WebAssembly): ${scriptSrc.join(' ')}`);
      expect(/default-src 'self'/.test(policy) && /connect-src 'self'/.test(policy), `everything from this origin: ${policy}`);
      const inline = await page.evaluate(() => [...document.scripts].filter((script) => !script.src).length);
      expect(inline === 0, `no inline script: ${inline}`);
      await run(page, { dialog: 'close' });
      await page.click('#variants [data-variant="1"]');
      expect((await seen(page)).events > 0, 'the run was shown');
      const violations = await page.evaluate(() => window.cspViolations);
      expect(violations.length === 0, `no policy violation: ${violations.join(', ')}`);
    },
  },
  {
    name: 'the Content-Security-Policy is enforced: an inline script injected into the page is refused and reported',
    expectProblems: true, // the browser logs the refusal as a console error, which is the point
    async run({ page, url, session }) {
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
      });
      await open(page, url);
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.head.append(script);
      });
      await page.waitForFunction(() => window.cspViolations.length > 0, null, { timeout: 5000 });
      expect((await page.evaluate(() => window.injected)) === undefined, 'the inline script did not run');
      expect((await page.evaluate(() => window.cspViolations))[0].startsWith('script-src'), 'the violation is reported for script-src');
      expect(session.problems.some((p) => p.includes('Content Security Policy')), `the refusal reached the console: ${session.problems}`);
    },
  },
  {
    name: 'step into, over and out of a callback',
    async run({ page, url }) {
      await open(page, url);
      await run(page, { dialog: 'close' });
      const enter = await find(page, (e) => e.kind === 'callback_enter' && e.function === 'PreRead');
      await go(page, enter);
      await page.locator('#controls').focus();
      await page.keyboard.press('F10'); // over: to the callback's exit
      let state = await seen(page);
      expect(state.narration.startsWith('PreRead returns FLT_PREOP_SUCCESS_WITH_CALLBACK'), `step over: ${state.narration}`);
      await go(page, enter);
      await page.keyboard.press('F11'); // into: its first statement
      state = await seen(page);
      expect(state.line && state.line.includes('UNREFERENCED_PARAMETER(FltObjects)'), `step into: ${state.line}`);
      await page.keyboard.press('Shift+F11'); // out: the exit
      state = await seen(page);
      expect(state.narration.startsWith('PreRead returns'), `step out: ${state.narration}`);
      await go(page, enter);
      await page.keyboard.press('F11');
      await page.click('#control-step-out');
      expect((await seen(page)).narration.startsWith('PreRead returns'), 'the Step out button leaves the callback');
    },
  },
  {
    name: 'the scrubber and play move through the run; the speed can change',
    async run({ page, url }) {
      await open(page, url);
      await run(page, { dialog: 'close' });
      const total = (await seen(page)).events;
      await page.locator('#scrubber').fill(String(Math.floor(total / 2)));
      let state = await seen(page);
      expect(state.step === Math.floor(total / 2), `scrubbed to the middle: ${state.step} of ${total}`);
      await page.selectOption('#speed', '4');
      await page.click('#control-play');
      expect((await page.locator('#control-play').getAttribute('aria-pressed')) === 'true', 'play is pressed');
      await page.waitForTimeout(700);
      await page.click('#control-play');
      const after = await seen(page);
      expect(after.step > state.step + 3, `playing moved on: ${state.step} -> ${after.step}`);
      await page.waitForTimeout(300);
      expect((await seen(page)).step === after.step, 'pause stops');
    },
  },
  {
    name: 'a post-op at DISPATCH_LEVEL in a DPC: the lanes, the inspector, the stack and the narration say so',
    async run({ page, url }) {
      await open(page, url);
      await run(page, { dialog: 'close' });
      await page.click('#variants [data-variant="1"]');
      const enter = await find(page, (e) => e.kind === 'callback_enter' && e.function === 'PostRead');
      await go(page, enter);
      let state = await seen(page);
      expect(state.narration.includes('at DISPATCH_LEVEL in a DPC') && state.narration.includes('arbitrary thread'), `narration: ${state.narration}`);
      await page.locator('#controls').focus();
      await page.keyboard.press('ArrowDown');
      state = await seen(page);
      expect(state.irql === 'DISPATCH_LEVEL' && state.dpc, `inspector: ${JSON.stringify(state)}`);
      expect(state.currentLayer === 'MyFilter' && state.phase === 'post', `stack: ${JSON.stringify(state)}`);
      expect(await page.locator('#lanes rect.band.dpc').count() > 0, 'a DPC band is drawn');
      expect(await page.locator('#inspector tr[data-field="Data->IoStatus.Status"] td').textContent() === 'STATUS_SUCCESS', 'IoStatus in the inspector');
      await screenshot(page, 'post-op-at-dispatch-level');
    },
  },
  {
    name: 'a post-op pended to a worker thread by FltDoCompletionProcessingWhenSafe',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('safe-post'));
      await run(page, { dialog: 'close' });
      await page.click('#variants [data-variant="1"]');
      const queued = await find(page, (e) => e.kind === 'work_queued');
      await go(page, queued);
      expect((await seen(page)).narration.includes('work item'), 'the queued work item is narrated');
      const enter = await find(page, (e) => e.kind === 'callback_enter' && e.role === 'SafePostCallback');
      await go(page, enter);
      await page.locator('#controls').focus();
      for (let i = 0; i < 4 && !((await seen(page)).line || '').includes('DbgPrint'); i++) await page.keyboard.press('ArrowDown');
      const state = await seen(page);
      expect(state.thread === 'Worker (critical) 1' && state.irql === 'PASSIVE_LEVEL' && !state.dpc, `inspector: ${JSON.stringify(state)}`);
      expect(state.line && state.line.includes('DbgPrint("SafePostRead'), `line: ${state.line}`);
      expect(await page.locator('#lanes .marker.work_start').count() > 0, 'the lanes mark the work item picked up');
      expect(await page.locator('#lanes .marker.work_queued').count() > 0, 'the lanes mark the work item queued');
      expect(await page.locator('#lanes .marker-text.wait').count() > 0, 'the lanes mark the waits (the application waits for its read)');
      expect(await page.locator('#lanes line.switch').count() > 0, 'the lanes mark the thread switches');
      await screenshot(page, 'post-op-pended-to-a-worker');
    },
  },
  {
    name: 'a bug check: the screen with its code and parameters, then the step with its line highlighted',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('null-in-post'));
      await run(page);
      const dialog = page.locator('#problem[open]');
      await dialog.waitFor({ timeout: 5000 });
      const title = await dialog.locator('#problem-title').textContent();
      expect(title.includes('STOP 0x0000001E KMODE_EXCEPTION_NOT_HANDLED'), `bug-check title: ${title}`);
      expect((await dialog.locator('.parameters tr').count()) === 4, 'four parameters');
      const p1 = await dialog.locator('.parameters td.value').first().textContent();
      expect(p1.toUpperCase() === '0XC0000005', `P1 is the exception code: ${p1}`);
      expect(await dialog.locator('a[href^="https://learn.microsoft.com/"]').count() === 1, 'a link to Microsoft');
      expect((await dialog.locator('.fix p').textContent()).length > 20, 'a fix');
      // The DISPATCH_LEVEL variant: 0xD1.
      await page.locator('#problem .close').click();
      await page.click('#variants [data-variant="1"]');
      await page.evaluate(() => window.fltplay.problem.show(window.fltplay.player.model, { force: true }));
      const second = await page.locator('#problem #problem-title').textContent();
      expect(second.includes('0x000000D1 DRIVER_IRQL_NOT_LESS_OR_EQUAL'), `DPC variant: ${second}`);
      expect((await page.locator('#problem .rule').textContent()).includes('MEM-1'), 'the rule it enforces');
      await screenshot(page, 'bug-check');
      await page.click('#problem-go');
      const state = await seen(page);
      expect(state.line && state.line.includes('*counter = 1;'), `the faulting line is highlighted: ${state.line}`);
      expect(state.narration.includes('Bug check 0xD1'), `narration: ${state.narration}`);
      expect(await page.locator('.cm-lintRange-error').count() > 0, 'the line is marked in the editor');
    },
  },
  {
    name: 'next problem jumps to a violation recorded with Verifier off',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('complete-pending'));
      await setting(page, 'variants', 'pending', false);
      await setting(page, 'variants', 'inline', false);
      await setting(page, 'variants', 'verifier_off', true);
      await run(page, { dialog: 'close' });
      await go(page, 0);
      await page.locator('#controls').focus();
      await page.keyboard.press('n');
      const state = await seen(page);
      expect(state.narration.startsWith('Rule PRE-COMPLETE-2 is broken'), `next problem: ${state.narration}`);
      await page.keyboard.press('Shift+N');
      expect((await seen(page)).step === state.step, 'no earlier problem: the step stays');
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+N');
      expect((await seen(page)).step === state.step, 'previous problem, from the end, goes back to the violation');
    },
  },
  {
    name: 'a Filter Verifier prompt answered with ignore re-runs the scenario with that answer',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('complete-pending'));
      await run(page);
      const dialog = page.locator('#problem[open]');
      await dialog.waitFor({ timeout: 5000 });
      expect((await dialog.locator('#problem-title').textContent()).includes('FILTER VERIFIER ERROR: PRE-COMPLETE-PENDING'), 'the Verifier error');
      expect((await dialog.locator('.prompt').textContent()) === 'Break, ignore, zap or remove?', 'the prompt');
      const before = await page.locator('#variants [data-variant="0"]').textContent();
      expect(before.includes('Verifier'), `ended on Verifier: ${before}`);
      await dialog.locator('button[data-answer="ignore"]').click();
      await page.waitForFunction(() => !document.body.dataset.running && window.fltplay.answers['PRE-COMPLETE-2'] === 'ignore', null, { timeout: 60000 });
      await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 60000 });
      const model = await page.evaluate(() => ({ end: window.fltplay.player.model.end.reason, violations: window.fltplay.player.model.events.filter((e) => e.kind === 'violation').map((e) => e.stops) }));
      expect(model.violations.length >= 1 && model.violations[0] === false, `the first violation no longer stops: ${JSON.stringify(model)}`);
    },
  },
  {
    name: 'a hang is shown with what is waiting',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('pend-forever'));
      await run(page);
      const dialog = page.locator('#problem[open]');
      await dialog.waitFor({ timeout: 5000 });
      expect((await dialog.locator('#problem-title').textContent()) === 'The system hangs', 'hang title');
      expect((await dialog.locator('.what').textContent()).includes('never completed'), 'what waits');
      await page.click('#problem-go');
      const state = await seen(page);
      expect(state.narration.startsWith('A hang:'), `narration: ${state.narration}`);
      expect(state.tokenLayer === 'MyFilter', `the pended read is parked beside MyFilter: ${JSON.stringify(state)}`);
    },
  },
  {
    name: 'a run that reaches the budget keeps its partial trace',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('endless-loop'));
      await setting(page, 'variants', 'pending', false);
      await run(page);
      const dialog = page.locator('#problem[open]');
      await dialog.waitFor({ timeout: 5000 });
      expect((await dialog.locator('#problem-title').textContent()).includes("playground's budget"), 'budget title');
      await page.locator('#problem .close').click();
      const state = await seen(page);
      expect(state.events > 1000, `the partial trace is kept: ${state.events} events`);
      await page.locator('#controls').focus();
      await page.keyboard.press('End');
      expect((await seen(page)).narration.includes('budget ran out'), 'the last step says why');
    },
  },
  {
    name: 'a run stopped by the learner keeps its partial trace',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('endless-loop'));
      await setting(page, 'variants', 'pending', false);
      await page.click('#run');
      await page.waitForFunction(() => /Running variant/.test(document.getElementById('run-status').textContent), null, { timeout: 30000 });
      await page.click('#stop');
      await page.waitForFunction(() => !document.body.dataset.running, null, { timeout: 30000 });
      expect((await page.locator('#run-status').textContent()).includes('Stopped'), 'the status says stopped');
      expect((await page.locator('#problem-title').textContent()) === 'You stopped the run', 'the stop screen');
      await page.locator('#problem .close').click();
      const state = await seen(page);
      expect(state.events > 0 && state.events < 200000, `a partial trace: ${state.events} events`);
      expect((await page.locator('#variants [data-variant="0"]').textContent()).includes('stopped'), 'the tab says stopped');
    },
  },
  {
    name: 'a share link opens with the same code, variant and step',
    async run({ page, url, session }) {
      await open(page, url);
      await setSource(page, `${driver('safe-post')}\n// shared\n`);
      await run(page, { dialog: 'close' });
      await page.click('#variants [data-variant="1"]');
      await go(page, 42);
      await page.click('#share');
      await page.waitForFunction(() => location.hash.startsWith('#s='));
      const link = await page.evaluate(() => location.href);
      await page.evaluate(() => localStorage.clear());
      const other = await session.context.newPage();
      await other.goto(link);
      await other.waitForFunction(() => window.fltplay && window.fltplay.player.runs.length === 2, null, { timeout: 60000 });
      const state = await seen(other);
      expect(state.variant === 1 && state.step === 42, `opened at variant 1 step 42: ${JSON.stringify(state)}`);
      expect((await editorText(other)).includes('// shared'), 'the code came with the link');
    },
  },
  {
    name: 'reload restores the code and the scenario settings',
    async run({ page, url }) {
      await open(page, url);
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n// kept across reloads\n');
      await setting(page, 'operations', 'query_info', true);
      await page.reload();
      await page.locator('#core-status[data-state="ready"]').waitFor({ timeout: 30000 });
      expect((await editorText(page)).includes('// kept across reloads'), 'the code is restored');
      expect(await page.locator('#scenario-form input[value="query_info"]').isChecked(), 'the setting is restored');
    },
  },
  {
    name: 'export, then import, restores everything saved',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, '// exported version\n');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      const file = await download.path();
      const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(saved.format === 'fltplay-export' && saved.workspace.source === '// exported version\n', 'the export holds the code');
      await setSource(page, '// something else\n');
      await page.setInputFiles('#import-file', file);
      await page.waitForFunction(() => document.getElementById('run-status').textContent === 'Imported.');
      expect((await editorText(page)) === '// exported version\n', 'the import restored the code');
      const backup = await page.evaluate(() => JSON.parse(localStorage.getItem('fltplay.v1.backup')).source);
      expect(backup === '// something else\n', 'the replaced code is kept as a backup');
      await page.setInputFiles('#import-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
      await page.waitForFunction(() => document.getElementById('run-status').textContent.includes('not an fltplay export'));
    },
  },
  {
    name: 'keyboard only: run, step, answer the problem screen, open and close help',
    async run({ page, url }) {
      await open(page, url);
      await setSource(page, driver('null-in-post'));
      // Tab to the Run button, press Enter.
      for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'run')); i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id === 'run'), 'Run is reachable with Tab');
      await page.keyboard.press('Enter');
      await page.locator('#problem[open]').waitFor({ timeout: 60000 });
      expect(await page.evaluate(() => document.activeElement?.id === 'problem-go'), 'the dialog takes the focus');
      await page.keyboard.press('Enter'); // show the step
      expect(await page.evaluate(() => document.activeElement?.id === 'controls'), 'focus moves to the player');
      const at = (await seen(page)).step;
      await page.keyboard.press('ArrowLeft');
      expect((await seen(page)).step === at - 1, 'arrow keys step');
      await page.keyboard.press('?');
      await page.locator('#help[open]').waitFor();
      expect((await page.locator('#help').textContent()).includes('Step over'), 'help lists the shortcuts');
      await page.keyboard.press('Escape');
      expect(await page.locator('#help[open]').count() === 0, 'Escape closes help');
      const outline = await page.evaluate(() => { const b = document.getElementById('control-first'); b.focus(); return getComputedStyle(b).outlineStyle; });
      expect(outline !== 'none', 'focus is visible');
    },
  },
  {
    name: 'axe-core finds no serious or critical accessibility issue, before and after a run',
    async run({ page, url }) {
      await open(page, url);
      let issues = await axe(page);
      expect(issues.length === 0, `before a run:\n${issues.join('\n')}`);
      await setSource(page, driver('null-in-post'));
      await run(page);
      await page.locator('#problem[open]').waitFor({ timeout: 5000 });
      issues = await axe(page);
      expect(issues.length === 0, `with the bug-check screen:\n${issues.join('\n')}`);
      await closeDialog(page);
      await go(page, 30);
      issues = await axe(page);
      expect(issues.length === 0, `in the player:\n${issues.join('\n')}`);
    },
  },
];
