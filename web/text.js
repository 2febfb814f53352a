// The text catalogue (every core/text/*.json, merged by the site build into text/catalogue.json):
// every visible string by ID, English first, then zh-Hans and zh-Hant (empty = English).

let catalogue = {};
let locale = 'en';

/** Loads the catalogue; call once before rendering. */
export async function loadText(url = new URL('../text/catalogue.json', import.meta.url)) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`text catalogue: HTTP ${response.status}`);
  catalogue = await response.json();
}

/** Chooses the locale for later calls of t(): 'en', 'zh-Hans' or 'zh-Hant'. */
export function setLocale(name) { locale = name; }

/** The string for `id` with {name} parameters filled in; the ID itself if it is unknown. */
export function t(id, params = {}) {
  const entry = catalogue[id];
  const text = entry ? (entry[locale] || entry.en) : id;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills every element carrying data-text="ID" (its text) or data-text-label="ID" (its
 * aria-label) under `root`. */
export function applyText(root = document) {
  for (const element of root.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  for (const element of root.querySelectorAll('[data-text-label]')) element.setAttribute('aria-label', t(element.dataset.textLabel));
}
