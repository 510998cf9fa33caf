// Annotated HTML: the article with claim spans marked by their public state and footnoted sources.
// Everything that came from users is escaped; links are http(s) only. Until the publish gate is met
// the document says "not verified" at the top.
import { acceptedFix, escapeHtml, isRated, safeHref, spansInOrder, type ExportBundle, type ExportClaim, type ExportSource } from './bundle';

export const EXPORT_CSS = `body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
.article-text { white-space: pre-wrap; }
.status { border: 2px solid #8a5a00; background: #fff4d6; padding: .5rem .75rem; font-family: system-ui, sans-serif; font-size: 15px; }
.status.verified { border-color: #1d6b3a; background: #e3f4e8; }
mark.claim { background: #eef; border-bottom: 2px solid #557; }
mark.verdict-true, mark.verdict-mostly-true { background: #e3f4e8; border-color: #1d6b3a; }
mark.verdict-mixed { background: #fff4d6; border-color: #8a5a00; }
mark.verdict-mostly-false, mark.verdict-false { background: #fde6e6; border-color: #a11d1d; }
mark.verdict-unverifiable { background: #ece6f6; border-bottom: 2px dotted #4b2a7a; }
mark.verdict-stale { background: #fff; border-bottom: 2px dashed #8a5a00; }
mark.verdict-dismissed { background: #f1f1f1; border-color: #777; border-bottom-style: dashed; }
mark.verdict-awaiting { background: transparent; border-bottom: 1px dotted #5c4a00; }
mark.verdict-open { background: transparent; border-bottom: 1px dotted #557; }
.claim-state { font: 12px system-ui, sans-serif; vertical-align: super; }
.corrections { border-top: 1px solid #ccc; margin-top: 2rem; font-size: 16px; }`;

/** The start of both HTML exports, up to and including <body>; `extraHead` goes just before </head>. */
export function htmlDocumentStart(title: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${EXPORT_CSS}
</style>
${extraHead}</head>
<body>
`;
}

/** The article's title and byline, as both HTML exports open it. */
export function articleHeading(b: ExportBundle): string {
  return `<h1>${escapeHtml(b.article.title)}</h1>
${b.article.byline ? `<p class="byline">${escapeHtml(b.article.byline)}</p>` : ''}`;
}

/** Printed in every export when an editor published past the gate (PRODUCT.md). */
export function overrideNotice(reason: string): string {
  return `<p class="status override" role="note"><strong>Published without full verification.</strong> An editor overrode the publish gate: ${escapeHtml(reason)}</p>`;
}

export function verificationBanner(b: ExportBundle): string {
  const v = b.verification;
  if (!v.verified) {
    return '<p class="status not-verified" role="note"><strong>Not verified.</strong> This review is still in progress: ratings may change and some claims are not checked yet.</p>';
  }
  if (v.overrideReason) return overrideNotice(v.overrideReason);
  return `<p class="status verified" role="note"><strong>Verified</strong> ${escapeHtml((v.at ?? '').slice(0, 10))}: every check-worthy claim was reviewed.</p>`;
}

function sourceItem(s: ExportSource): string {
  const href = safeHref(s.url);
  const title = escapeHtml(s.title);
  const link = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${title}</a>` : `${title} (${escapeHtml(s.url)})`;
  return `<li>${link}${s.publisher ? `, ${escapeHtml(s.publisher)}` : ''} <em>(${escapeHtml(s.stance)})</em>${s.quote ? `: <q>${escapeHtml(s.quote)}</q>` : ''}</li>`;
}

/** The footnote for a claim, or null when there is nothing a reader may be told about it. */
function footnote(c: ExportClaim): string | null {
  const label = `<strong>${escapeHtml(c.publicState.label)}</strong>`;
  const sources = c.sources.map(sourceItem).join('');
  const list = sources ? `<ul>${sources}</ul>` : '';
  if (isRated(c)) {
    const proposed = c.verdict.correction && c.verdict.correctionStatus === 'proposed'
      ? ` <em>Suggested correction, awaiting an editor:</em> ${escapeHtml(c.verdict.correction)}` : '';
    return `${label}: ${escapeHtml(c.verdict.explanation)}${proposed}${list}`;
  }
  if (c.publicState.kind === 'dismissed') return `${label}${c.dismissReason ? `: ${escapeHtml(c.dismissReason)}` : ''}${list}`;
  return c.sources.length ? `${label}${list}` : null;
}

export function exportHtml(b: ExportBundle): string {
  const notes: string[] = [];
  let body = '';
  let pos = 0;
  for (const c of spansInOrder(b.claims)) {
    body += escapeHtml(b.text.slice(pos, c.start));
    const original = escapeHtml(b.text.slice(c.start, c.end));
    const fix = acceptedFix(c);
    const inner = fix ? `<del>${original}</del> <ins>${escapeHtml(fix)}</ins>` : original;
    const note = footnote(c);
    let ref = '';
    if (note) {
      const n = notes.length + 1;
      ref = `<sup><a href="#note-${n}" id="ref-${n}">${n}</a></sup>`;
      notes.push(`<li id="note-${n}">${note} <a href="#ref-${n}" aria-label="Back to the text">↩</a></li>`);
    }
    const s = c.publicState;
    // The configured colours (decision 032) over the stylesheet's defaults; #rrggbb only, escaped anyway.
    const tone = s.tone ? ` style="background:${escapeHtml(s.tone.bg)};border-color:${escapeHtml(s.tone.line)}"` : '';
    body += `<mark class="claim verdict-${escapeHtml(s.css)}"${tone} id="claim-${c.ordinal}" data-claim="${escapeHtml(c.id)}" data-state="${s.kind}" data-verdict="${escapeHtml(s.label)}" title="${escapeHtml(s.label)}">${inner}</mark><span class="claim-state" aria-label="${escapeHtml(s.label)}">${escapeHtml(s.symbol)}</span>${ref}`;
    pos = c.end;
  }
  body += escapeHtml(b.text.slice(pos));
  return `${htmlDocumentStart(b.article.title)}${verificationBanner(b)}
<article>
${articleHeading(b)}
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
