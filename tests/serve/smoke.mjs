// The serve command works: scripts/serve.sh starts, prints its URL, and that URL answers with
// index.html and the wasm module; Ctrl-C (SIGINT) stops it.
//   node tests/serve/smoke.mjs
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const child = spawn('bash', ['scripts/serve.sh', '0'], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no URL within 10 minutes; output:\n${output}`)), 600000);
  child.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  child.on('exit', (code) => reject(new Error(`serve.sh exited (${code}) before serving; output:\n${output}`)));
});

let failures = 0;
async function expectServed(relative, type) {
  const response = await fetch(new URL(relative, url));
  const body = await response.arrayBuffer();
  const ok = response.status === 200 && (response.headers.get('content-type') || '').startsWith(type) && body.byteLength > 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${relative || '/'} -> ${response.status} ${response.headers.get('content-type')} ${body.byteLength} bytes`);
  if (!ok) failures++;
}
await expectServed('', 'text/html');
await expectServed('web/dist/fltplay_core.wasm', 'application/wasm');
await expectServed('web/dist/fltplay_core.mjs', 'text/javascript');

const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
process.kill(-child.pid, 'SIGINT');
const { code, signal } = await exited;
console.log(`serve.sh stopped by Ctrl-C: exit ${code ?? signal}`);
if (code !== 0 && signal !== 'SIGINT') failures++;
console.log(`serve smoke: ${failures ? 'FAILED' : 'passed'} (${url})`);
process.exit(failures ? 1 : 0);
