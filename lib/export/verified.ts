// The verified version (PRODUCT.md): the corrected article as a reader would see it - accepted
// corrections applied, no review marks - with the corrections note, the override notice when an
// editor published without the gate, and (in HTML) the ClaimReview markup in a script block.
// Only rendered once the gate is met or overridden (lib/db/exports.ts refuses otherwise).
import { escapeHtml, type ExportBundle } from './bundle';
import { articleHeading, htmlDocumentStart, overrideNotice } from './html';
import { exportJsonLd, stringifyForScript } from './jsonld';
import { escapeMarkdown } from './markdown';

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

export function exportVerifiedHtml(b: ExportBundle): string {
  const body = paragraphs(b.correctedText).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const note = paragraphs(b.correctionsNote).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const override = b.verification.overrideReason ? `${overrideNotice(b.verification.overrideReason)}\n` : '';
  const reviews = exportJsonLd(b);
  const noUrl = b.article.publicUrl
    ? ''
    : '<!-- No public URL is set for this fact check, so the ClaimReview markup below has no url. -->\n';
  const ldJson = reviews.length ? `${noUrl}<script type="application/ld+json">${stringifyForScript(reviews)}</script>\n` : '';
  return `${htmlDocumentStart(b.article.title, ldJson)}${override}<article>
${articleHeading(b)}
${body}
${note ? `<section class="corrections" aria-labelledby="corrections-h">\n<h2 id="corrections-h">Corrections</h2>\n${note}\n</section>` : ''}
</article>
</body>
</html>
`;
}

export function exportVerifiedMarkdown(b: ExportBundle): string {
  const override = b.verification.overrideReason
    ? `> **Published without full verification.** An editor overrode the publish gate: ${escapeMarkdown(b.verification.overrideReason)}\n\n`
    : '';
  const head = `# ${escapeMarkdown(b.article.title)}\n\n${b.article.byline ? `*${escapeMarkdown(b.article.byline)}*\n\n` : ''}`;
  const body = paragraphs(b.correctedText).map(escapeMarkdown).join('\n\n');
  const note = b.correctionsNote.trim() ? `\n\n## Corrections\n\n${paragraphs(b.correctionsNote).map(escapeMarkdown).join('\n\n')}` : '';
  return `${override}${head}${body}${note}\n`;
}
