// The thin slice through every layer: index.html loads, the worker instantiates the wasm,
// requests round-trip through cJSON in C, and the answers appear on the page.
import fs from 'node:fs';
import { expect } from './harness.mjs';

const packageVersion = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url))).version;

export const tests = [
  {
    name: 'the page shows the engine version answered by the wasm core',
    async run({ page, url }) {
      const wasmResponses = [];
      page.on('response', (response) => {
        if (response.url().endsWith('.wasm')) wasmResponses.push(response);
      });
      await page.goto(url);
      const status = page.locator('#core-status');
      await status.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15000 });
      const text = await status.textContent();
      expect(text.includes(`fltplay core ${packageVersion}`), `status is "${text}"`);
      expect(text.includes('cJSON 1.7.15'), `status is "${text}"`);
      expect(wasmResponses.length === 1, `expected one .wasm response, saw ${wasmResponses.length}`);
      expect(wasmResponses[0].headers()['content-type'] === 'application/wasm', 'the wasm is served as application/wasm');
      const title = await page.locator('h1').textContent();
      expect(title.startsWith('fltplay'), `title from the catalogue, got "${title}"`);
    },
  },
];
