// The lessons on the site: lessons/index.json (written by the site build from every
// lessons/*/lesson.json) and, for one lesson, its files: lesson.json, its text in the
// learner's locale (English when that slot is missing), starter.c, solution.c and the other
// filters of its stack.

const base = new URL('../../lessons/', import.meta.url);

async function text(url, { optional = false } = {}) {
  const response = await fetch(url);
  if (!response.ok) {
    if (optional) return null;
    throw new Error(`${url.pathname}: HTTP ${response.status}`);
  }
  return response.text();
}

/** The list of lessons: [{dir, id, title: {en, ...}}] in course order. */
export async function listLessons() {
  return JSON.parse(await text(new URL('index.json', base)));
}

/** One lesson's files. */
export async function loadLesson(dir, locale = 'en') {
  const folder = new URL(`${dir}/`, base);
  const json = JSON.parse(await text(new URL('lesson.json', folder)));
  const markdown = (await text(new URL(`text.${locale}.md`, folder), { optional: true })) ?? (await text(new URL('text.en.md', folder)));
  const [starter, solution] = await Promise.all([text(new URL('starter.c', folder)), text(new URL('solution.c', folder))]);
  const driver = json.driver || 'driver.c';
  const sources = {};
  for (const filter of json.scenario?.filters || []) {
    if (filter.source !== driver && !(filter.source in sources)) sources[filter.source] = await text(new URL(filter.source, folder));
  }
  return { dir, json, markdown, starter, solution, driver, sources };
}

/** A slot of a per-locale text object ({en, zh-Hans, zh-Hant}), English when empty. */
export function localized(value, locale = 'en') {
  if (typeof value === 'string') return value;
  return (value && (value[locale] || value.en)) || '';
}
