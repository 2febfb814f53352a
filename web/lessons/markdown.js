// Lesson text: Markdown rendered by marked and cleaned by DOMPurify (no script, no inline
// handler, no style attribute survives; links open in a new tab).
import { marked } from 'marked';
import DOMPurify from 'dompurify';

/** A fragment of safe HTML for `markdown`. */
export function renderMarkdown(markdown) {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_ATTR: ['style'] });
  const template = document.createElement('template');
  template.innerHTML = clean;
  for (const link of template.content.querySelectorAll('a[href]')) {
    if (/^https?:/.test(link.getAttribute('href'))) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener');
    }
  }
  return template.content;
}
