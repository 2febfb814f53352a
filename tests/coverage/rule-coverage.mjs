// Checks docs/rule-coverage.md against the catalogue and the tests:
//   - every rule ID of the catalogue appears exactly once;
//   - the IDs marked "this wave" are the catalogue minus the 20 that issue 3 leaves out;
//   - every "this wave" row names at least one test, and every test named exists as a
//     CHECK_CASE in tests/unit/<executable>.c.
//   node tests/coverage/rule-coverage.mjs [CATALOGUE]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const catalogueFile = process.argv[2] || path.resolve(repo, '..', 'shared', 'reference', 'filter-manager-rules.md');
const leftOut = ['REG-7', 'CBD-3', 'PRE-GEN-3', 'PRE-SYNC-6', 'PRE-COMPLETE-6', 'PRE-DISFAST-4', 'MOD-3', 'POST-IRQL-6',
  'POST-IRQL-8', 'PENDPOST-3', 'FAIL-5', 'REISSUE-1', 'OPSTAT-1', 'DRAIN-7', 'DRAIN-8', 'NAME-2', 'MEM-3', 'VERIF-FV-3',
  'VERIF-10D', 'VERIF-SDV-1'];

const problems = [];
const doc = fs.readFileSync(path.join(repo, 'docs', 'rule-coverage.md'), 'utf8');
const rows = new Map();
for (const line of doc.split('\n')) {
  const m = /^\| ([A-Z0-9-]+) \| (this wave|later|not modelled) \| (.*) \| (.*) \|$/.exec(line);
  if (!m) continue;
  if (rows.has(m[1])) problems.push(`${m[1]} appears twice`);
  rows.set(m[1], { status: m[2], tests: [...m[4].matchAll(/`([a-z0-9_]+): ([a-z0-9_]+)`/g)].map((t) => [t[1], t[2]]) });
}

let catalogue = null;
if (fs.existsSync(catalogueFile)) {
  catalogue = [...fs.readFileSync(catalogueFile, 'utf8').matchAll(/^\*\*([A-Z0-9-]+)\*\*/gm)].map((m) => m[1]);
  for (const id of catalogue) if (!rows.has(id)) problems.push(`${id} is missing from the table`);
  for (const id of rows.keys()) if (!catalogue.includes(id)) problems.push(`${id} is not in the catalogue`);
} else {
  console.log(`rule coverage: ${catalogueFile} not found; checking the table against its own IDs`);
}
for (const [id, row] of rows) {
  const expected = leftOut.includes(id) ? 'later or not modelled' : 'this wave';
  if ((row.status === 'this wave') !== (expected === 'this wave')) problems.push(`${id} is "${row.status}", expected ${expected}`);
  if (row.status === 'this wave' && row.tests.length === 0) problems.push(`${id} names no test`);
}
const sources = new Map();
for (const [id, row] of rows) {
  for (const [exe, name] of row.tests) {
    if (!sources.has(exe)) {
      const file = path.join(repo, 'tests', 'unit', `${exe}.c`);
      sources.set(exe, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
    }
    const src = sources.get(exe);
    if (!src) problems.push(`${id}: no tests/unit/${exe}.c`);
    else if (!src.includes(`CHECK_CASE(${name})`)) problems.push(`${id}: ${exe} has no case ${name}`);
  }
}
const inWave = [...rows.values()].filter((r) => r.status === 'this wave').length;
for (const p of problems) console.log(`FAIL ${p}`);
console.log(`rule coverage: ${rows.size} rules, ${inWave} in this wave, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
