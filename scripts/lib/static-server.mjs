// A static file server for the playground, bound to 127.0.0.1 only.
//   node scripts/lib/static-server.mjs SITE_DIR [PORT]    (PORT 0 = any free port)
// Prints "fltplay: serving SITE_DIR at http://127.0.0.1:PORT/" and serves until Ctrl-C.
// Also imported by the browser tests (startServer).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.c': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

/** Serves `root` on 127.0.0.1:`port`; resolves with {url, close()} once listening. */
export function startServer({ root, port = 0 }) {
  const site = path.resolve(root);
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let file = resolveInside(site, request.url || '/');
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ url: `http://127.0.0.1:${actual}/`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = process.argv[2];
  const wanted = process.argv[3] === undefined ? 8000 : Number(process.argv[3]);
  if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
    console.error(`fltplay: no site at ${root || '(none)'}; build it first (scripts/serve.sh)`);
    process.exit(3);
  }
  let served;
  try {
    served = await startServer({ root, port: wanted });
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    served = await startServer({ root, port: 0 });
    console.log(`fltplay: port ${wanted} is busy; using another`);
  }
  console.log(`fltplay: serving ${root} at ${served.url}  (Ctrl-C stops)`);
  const stop = () => served.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
