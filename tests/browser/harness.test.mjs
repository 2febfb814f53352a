// The harness itself: each watcher must catch what it is for (a test that cannot fail is a defect).
import { expect } from './harness.mjs';

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(200);
}

export const tests = [
  {
    name: 'a clean page reports no problem',
    async run({ page, fixtures, session }) {
      await page.goto(`${fixtures}clean.html`);
      await settle(page);
      expect(session.problems.length === 0, `unexpected problems: ${session.problems.join('; ')}`);
    },
  },
  {
    name: 'a console error on the page is caught',
    expectProblems: true,
    async run({ page, fixtures, session }) {
      await page.goto(`${fixtures}console-error.html`);
      await settle(page);
      expect(session.problems.some((p) => p.includes('deliberate error')), `not caught: ${session.problems}`);
    },
  },
  {
    name: 'a console warning in a worker is caught',
    expectProblems: true,
    async run({ page, fixtures, session }) {
      await page.goto(`${fixtures}worker-warning.html`);
      for (let i = 0; i < 20 && !session.problems.length; i++) await page.waitForTimeout(100);
      expect(session.problems.some((p) => p.includes('deliberate warning from a worker')), `not caught: ${session.problems}`);
    },
  },
  {
    name: 'a request that leaves 127.0.0.1 is caught and blocked',
    expectProblems: true,
    async run({ page, fixtures, session }) {
      await page.goto(`${fixtures}external-request.html`);
      await settle(page);
      expect(session.problems.some((p) => p.includes('request left 127.0.0.1: http://example.com/pixel.png')),
        `not caught: ${session.problems}`);
    },
  },
];
