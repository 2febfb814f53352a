// Browser-test harness: Debian's Chromium through playwright-core (never a downloaded
// browser), a fresh profile per test, and three ways a test fails besides its own checks:
// any console error or warning (page or worker), any uncaught exception, and any request
// that leaves 127.0.0.1. A failing test leaves a screenshot in test-artifacts/browser/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.FLTPLAY_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** A fresh browser profile with the harness's watchers; `problems` collects what went wrong. */
export async function openSession({ artifacts }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fltplay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 800 },
  });
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    problems.push(`request left 127.0.0.1: ${url}`);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    if (!isLocal(request.url())) problems.push(`request left 127.0.0.1: ${request.url()}`);
  });
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`worker console ${message.type()}: ${message.text()}`);
      });
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    problems,
    async screenshot(name) {
      fs.mkdirSync(artifacts, { recursive: true });
      const file = path.join(artifacts, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      return file;
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Throws with `message` unless `condition` holds. */
export function expect(condition, message) {
  if (!condition) throw new Error(message);
}
