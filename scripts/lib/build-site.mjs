// Assembles the static site: index.html, web/, the text catalogue, lessons/ and the wasm
// module built by CMake, into one folder any static host can serve.
//   node scripts/lib/build-site.mjs WASM_BUILD_DIR SITE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [wasmBuild, siteArg] = process.argv.slice(2);
if (!wasmBuild || !siteArg) {
  console.error('usage: build-site.mjs WASM_BUILD_DIR SITE_DIR');
  process.exit(3);
}
const site = path.resolve(siteArg);
const moduleDir = path.resolve(wasmBuild, 'web');
for (const name of ['fltplay_core.mjs', 'fltplay_core.wasm']) {
  if (!fs.existsSync(path.join(moduleDir, name))) {
    console.error(`build-site: ${path.join(moduleDir, name)} is missing; build the wasm first`);
    process.exit(1);
  }
}

fs.rmSync(site, { recursive: true, force: true });
fs.mkdirSync(site, { recursive: true });
fs.copyFileSync(path.join(repo, 'index.html'), path.join(site, 'index.html'));
fs.cpSync(path.join(repo, 'web'), path.join(site, 'web'), { recursive: true });
// The page's modules and their npm dependencies (CodeMirror, ...) become one ES module; the
// worker stays as it is (it imports the wasm module's loader beside it).
const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [path.join(repo, 'web/app.js')],
  outfile: path.join(site, 'web/app.js'),
  bundle: true,
  format: 'esm',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
// The catalogue is every core/text/*.json merged into one file for the page.
fs.mkdirSync(path.join(site, 'text'));
const catalogue = {};
for (const name of fs.readdirSync(path.join(repo, 'core/text')).filter((n) => n.endsWith('.json')).sort()) {
  const part = JSON.parse(fs.readFileSync(path.join(repo, 'core/text', name), 'utf8'));
  for (const [id, entry] of Object.entries(part)) {
    if (id in catalogue && id !== '$comment') throw new Error(`text ID ${id} is defined twice (core/text/${name})`);
    catalogue[id] = entry;
  }
}
fs.writeFileSync(path.join(site, 'text/catalogue.json'), JSON.stringify(catalogue));
fs.cpSync(path.join(repo, 'lessons'), path.join(site, 'lessons'), { recursive: true });
// lessons/index.json: every lessons/NN-name/lesson.json, in folder order (the course's order).
const lessons = [];
for (const dir of fs.readdirSync(path.join(repo, 'lessons')).sort()) {
  const file = path.join(repo, 'lessons', dir, 'lesson.json');
  if (!fs.existsSync(file)) continue;
  const lesson = JSON.parse(fs.readFileSync(file, 'utf8'));
  lessons.push({ dir, id: lesson.id, title: lesson.title });
}
fs.writeFileSync(path.join(site, 'lessons/index.json'), JSON.stringify(lessons));
fs.mkdirSync(path.join(site, 'web/dist'), { recursive: true });
for (const name of ['fltplay_core.mjs', 'fltplay_core.wasm'])
  fs.copyFileSync(path.join(moduleDir, name), path.join(site, 'web/dist', name));
console.log(`fltplay: site assembled in ${site}`);
