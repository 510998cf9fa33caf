// Markdown with footnotes: corrected text inline, the verdict and sources as footnotes.
import { spansInOrder, type ExportBundle } from './bundle';

/** Escapes Markdown control characters so article text cannot inject links, HTML or formatting. */
export function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

export function exportMarkdown(b: ExportBundle): string {
  const spans = spansInOrder(b.claims);
  const notes: string[] = [];
  let body = '';
  let pos = 0;
  for (const c of spans) {
    body += escapeMarkdown(b.text.slice(pos, c.start));
    const original = escapeMarkdown(b.text.slice(c.start, c.end));
    body += c.verdict?.correction ? `~~${original}~~ ${escapeMarkdown(c.verdict.correction)}` : original;
    if (c.verdict || c.sources.length) {
      const n = notes.length + 1;
      body += `[^${n}]`;
      const label = c.verdict ? `**${escapeMarkdown(c.verdict.rating)}**: ${escapeMarkdown(c.verdict.explanation)}` : '**Not yet reviewed**';
      const sources = c.sources.map((s) => {
        const link = /^https?:\/\//i.test(s.url) ? `[${escapeMarkdown(s.title)}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeMarkdown(s.title);
        return `${link}${s.publisher ? `, ${escapeMarkdown(s.publisher)}` : ''} (${s.stance})${s.quote ? `: "${escapeMarkdown(s.quote)}"` : ''}`;
      });
      notes.push(`[^${n}]: ${label}${sources.length ? ` Sources: ${sources.join('; ')}.` : ''}`);
    }
    pos = c.end;
  }
  body += escapeMarkdown(b.text.slice(pos));
  const head = `# ${escapeMarkdown(b.article.title)}\n\n${b.article.byline ? `*${escapeMarkdown(b.article.byline)}*\n\n` : ''}`;
  return `${head}${body}\n\n${notes.join('\n')}\n`;
}
