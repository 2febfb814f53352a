// Runs every tests/browser/*.test.mjs against the static site in SITE_DIR.
//   node tests/browser/run.mjs SITE_DIR [NAME_FILTER]
// Each test file exports `tests`: [{ name, run: async ({ page, url, session, fixtures }) => {} }].
// Ends with "N passed, N failed"; exits 1 if any test failed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../../scripts/lib/static-server.mjs';
import { openSession } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const [siteDir, filter] = process.argv.slice(2);
if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
  console.error(`browser tests: no site at ${siteDir || '(none)'}; build it first`);
  process.exit(3);
}
const artifacts = path.join(repo, 'test-artifacts', 'browser');
const site = await startServer({ root: siteDir, port: 0 });
const fixtures = await startServer({ root: path.join(here, 'fixtures'), port: 0 });

const files = fs.readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
let passed = 0;
let failed = 0;
for (const file of files) {
  const { tests } = await import(pathToFileURL(path.join(here, file)));
  for (const test of tests) {
    const name = `${file.replace('.test.mjs', '')}: ${test.name}`;
    if (filter && !name.includes(filter)) continue;
    const session = await openSession({ artifacts });
    let error = null;
    try {
      await test.run({ page: session.page, url: site.url, fixtures: fixtures.url, session });
    } catch (caught) {
      error = caught;
    }
    const problems = test.expectProblems ? [] : session.problems;
    if (!error && problems.length === 0) {
      passed++;
      console.log(`ok   ${name}`);
    } else {
      failed++;
      const shot = await session.screenshot(name);
      console.log(`FAIL ${name}`);
      if (error) console.log(`  ${error.stack || error}`);
      for (const problem of problems) console.log(`  ${problem}`);
      console.log(`  screenshot: ${path.relative(repo, shot)}`);
    }
    await session.close();
  }
}
await site.close();
await fixtures.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
