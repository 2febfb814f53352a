// Share links: the whole state (source, scenario settings, variant, step, lesson) compressed
// into the URL fragment, so a link opens at that step. Nothing goes to a server.

const KEY = 's=';

function toBase64Url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream) {
  const response = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

/** The fragment ("#s=...") for `state`. */
export async function encodeShare(state) {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, ...state }));
  return `#${KEY}${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The state in a fragment, or null when there is none; throws when it is damaged. */
export async function decodeShare(hash) {
  const text = (hash || '').replace(/^#/, '');
  if (!text.startsWith(KEY)) return null;
  const bytes = await pipe(fromBase64Url(text.slice(KEY.length)), new DecompressionStream('deflate-raw'));
  const state = JSON.parse(new TextDecoder().decode(bytes));
  if (!state || state.v !== 1) throw new Error('unknown share link version');
  return state;
}
