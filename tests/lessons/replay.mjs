// Replays every lesson of lessons/ (issue 6): its solution passes every goal in every variant;
// its starter fails every goal of the lesson's subject; a lesson with post-operation callbacks
// has a variant that completes pending (from a DPC at DISPATCH_LEVEL); every rule ID its text
// mentions exists; every in-repo link resolves; every external link is a Microsoft Learn page
// among the rule catalogue's sources (tests/lessons/microsoft-pages.txt).
//   node tests/lessons/replay.mjs FLTPLAY [NAME_FILTER]
// Ends with "N passed, N failed"; exits 1 if any lesson failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [fltplay, filter] = process.argv.slice(2);
if (!fltplay) {
  console.error('usage: replay.mjs FLTPLAY [NAME_FILTER]');
  process.exit(3);
}
const LEARN = 'https://learn.microsoft.com/windows-hardware/drivers/';
const pages = new Set(fs.readFileSync(path.join(repo, 'tests', 'lessons', 'microsoft-pages.txt'), 'utf8')
  .split('\n').filter((line) => line && !line.startsWith('#')));
const rules = new Set(spawnSync(fltplay, ['explain', '--list'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean));

function check(dir, solution) {
  const args = ['check', dir, '--json'];
  if (solution) args.push('--solution', solution);
  const run = spawnSync(fltplay, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  let report = null;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = null;
  }
  return { code: run.status, report, stderr: run.stderr };
}

function problemsOf(name) {
  const dir = path.join(repo, 'lessons', name);
  const problems = [];
  const lesson = JSON.parse(fs.readFileSync(path.join(dir, 'lesson.json'), 'utf8'));
  // The solution passes everything.
  const solved = check(dir, null);
  if (solved.code !== 0 || !solved.report || solved.report.status !== 'passed') {
    const failed = (solved.report?.goals || []).filter((g) => g.passed !== true).map((g) => g.id);
    problems.push(`the solution does not pass (exit ${solved.code}; goals not passed: ${failed.join(', ') || '?'}) ${solved.stderr.trim()}`);
  }
  // The starter fails the subject, and the subject is named.
  const subject = lesson.subject || [];
  if (!subject.length) problems.push('lesson.json has no "subject"');
  const started = check(dir, path.join(dir, 'starter.c'));
  if (started.code !== 1) problems.push(`the starter should fail a goal (exit 1), exit ${started.code} ${started.stderr.trim()}`);
  for (const id of subject) {
    const goal = (started.report?.goals || []).find((g) => g.id === id);
    if (!goal || goal.passed !== false) problems.push(`the starter does not fail the subject goal "${id}"`);
  }
  // Where there are post-operation callbacks, one variant completes from a DPC.
  const solution = fs.readFileSync(path.join(dir, 'solution.c'), 'utf8');
  const scenarioText = JSON.stringify(lesson.scenario);
  if (/FLT_POSTOP_CALLBACK_STATUS/.test(solution) && !/"pending"/.test(scenarioText)) {
    problems.push('the lesson has post-operation callbacks but no variant with pending completion');
  }
  // Rule IDs, in-repo links and external links of the texts.
  const texts = fs.readdirSync(dir).filter((f) => /^text\..+\.md$/.test(f)).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  if (!texts.some(([f]) => f === 'text.en.md')) problems.push('text.en.md is missing');
  const everything = [JSON.stringify(lesson), ...texts.map(([, text]) => text)].join('\n');
  for (const id of new Set(everything.match(/\b(?:CONST|REG|CBD|PRE|POST|CTX|MOD|PENDPOST|DCPWS|FAIL|REISSUE|OPSTAT|DRAIN|BUF|API|NAME|MEM|VERIF)(?:-[A-Z0-9]+)*-\d+[A-Z]?\b/g) || [])) {
    if (!rules.has(id)) problems.push(`rule ID ${id} is not in the catalogue`);
  }
  const links = [...(lesson.links || []).map((l) => l.url)];
  for (const [file, text] of texts) {
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target)) links.push(target);
      else if (!target.startsWith('#') && !fs.existsSync(path.resolve(dir, target.split('#')[0]))) problems.push(`${file}: the link ${target} does not resolve`);
    }
  }
  for (const url of links) {
    const page = url.split('#')[0].replace(/\/$/, '').split('/').pop();
    if (!url.startsWith(LEARN)) problems.push(`the link ${url} is not a Microsoft Learn driver page`);
    else if (!pages.has(page)) problems.push(`the link ${url} is not among the rule catalogue's sources (tests/lessons/microsoft-pages.txt)`);
  }
  return problems;
}

const names = fs.readdirSync(path.join(repo, 'lessons')).filter((n) => fs.existsSync(path.join(repo, 'lessons', n, 'lesson.json'))).sort();
let passed = 0;
let failed = 0;
for (const name of names) {
  if (filter && !name.includes(filter)) continue;
  const problems = problemsOf(name);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}`);
    for (const problem of problems) console.log(`  ${problem}`);
  } else {
    passed++;
    console.log(`ok   ${name}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
