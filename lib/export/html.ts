// Annotated HTML: the article with claim spans marked by verdict and footnoted sources. Everything
// that came from users is escaped; links are http(s) only.
import { ratingSlug } from '../verdicts/scale';
import { escapeHtml, safeHref, spansInOrder, type ExportBundle } from './bundle';

export function exportHtml(b: ExportBundle): string {
  const spans = spansInOrder(b.claims);
  const notes: string[] = [];
  let body = '';
  let pos = 0;
  for (const c of spans) {
    body += escapeHtml(b.text.slice(pos, c.start));
    const original = escapeHtml(b.text.slice(c.start, c.end));
    const label = c.verdict ? c.verdict.rating : c.status === 'dismissed' ? 'Not checkable' : 'Not yet reviewed';
    const slug = c.verdict ? ratingSlug(c.verdict.rating) : c.status;
    let inner = original;
    if (c.verdict?.correction) inner = `<del>${original}</del> <ins>${escapeHtml(c.verdict.correction)}</ins>`;
    let ref = '';
    if (c.verdict || c.sources.length) {
      const n = notes.length + 1;
      ref = `<sup><a href="#note-${n}" id="ref-${n}">${n}</a></sup>`;
      const sources = c.sources
        .map((s) => {
          const href = safeHref(s.url);
          const title = escapeHtml(s.title);
          const link = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${title}</a>` : `${title} (${escapeHtml(s.url)})`;
          return `<li>${link}${s.publisher ? `, ${escapeHtml(s.publisher)}` : ''} <em>(${escapeHtml(s.stance)})</em>${s.quote ? `: <q>${escapeHtml(s.quote)}</q>` : ''}</li>`;
        })
        .join('');
      notes.push(
        `<li id="note-${n}"><strong>${escapeHtml(label)}</strong>${c.verdict ? `: ${escapeHtml(c.verdict.explanation)}` : ''}` +
          `${sources ? `<ul>${sources}</ul>` : ''} <a href="#ref-${n}" aria-label="Back to the text">↩</a></li>`,
      );
    }
    body += `<mark class="claim verdict-${escapeHtml(slug)}" data-claim="${escapeHtml(c.id)}" data-verdict="${escapeHtml(label)}" title="${escapeHtml(label)}">${inner}</mark>${ref}`;
    pos = c.end;
  }
  body += escapeHtml(b.text.slice(pos));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.article.title)}</title>
<style>
body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.article-text { white-space: pre-wrap; }
mark.claim { background: #eef; border-bottom: 2px solid #557; }
mark.verdict-true, mark.verdict-mostly-true { background: #e3f4e8; border-color: #1d6b3a; }
mark.verdict-mixed { background: #fff4d6; border-color: #8a5a00; }
mark.verdict-mostly-false, mark.verdict-false { background: #fde6e6; border-color: #a11d1d; }
mark.verdict-dismissed { background: #f1f1f1; border-color: #777; }
</style>
</head>
<body>
<article>
<h1>${escapeHtml(b.article.title)}</h1>
${b.article.byline ? `<p class="byline">${escapeHtml(b.article.byline)}</p>` : ''}
<div class="article-text">${body}</div>
</article>
<section class="notes">
<h2>Fact-check notes</h2>
<ol>${notes.join('\n')}</ol>
<p><small>Exported ${escapeHtml(b.exportedAt)}.</small></p>
</section>
</body>
</html>
`;
}
