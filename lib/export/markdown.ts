// Markdown with footnotes: corrected text inline, the public state and sources as footnotes.
import { acceptedFix, isRated, spansInOrder, type ExportBundle, type ExportClaim } from './bundle';

/**
 * Escapes what Markdown would read as syntax, and nothing else, so "U.S." and "3.5" stay readable:
 * inline markers anywhere (emphasis, code, links, HTML, strikethrough, backslashes), block markers
 * only where they start a line (headings, lists, quotes, rules), entity-like ampersands.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/^(\s*)([#+-]|=+\s*$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

function label(b: ExportBundle): string {
  const v = b.verification;
  if (!v.verified) return '> **Not verified.** This review is still in progress: ratings may change and some claims are not checked yet.\n\n';
  if (v.overrideReason) return `> **Published without full verification.** An editor overrode the publish gate: ${escapeMarkdown(v.overrideReason)}\n\n`;
  return `> **Verified** ${(v.at ?? '').slice(0, 10)}: every check-worthy claim was reviewed.\n\n`;
}

function footnote(c: ExportClaim): string | null {
  const state = `**${escapeMarkdown(c.publicState.label)}**`;
  const sources = c.sources.map((s) => {
    const link = /^https?:\/\//i.test(s.url) ? `[${escapeMarkdown(s.title)}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : escapeMarkdown(s.title);
    return `${link}${s.publisher ? `, ${escapeMarkdown(s.publisher)}` : ''} (${s.stance})${s.quote ? `: "${escapeMarkdown(s.quote)}"` : ''}`;
  });
  const list = sources.length ? ` Sources: ${sources.join('; ')}.` : '';
  if (isRated(c)) {
    const proposed = c.verdict.correction && c.verdict.correctionStatus === 'proposed'
      ? ` *Suggested correction, awaiting an editor:* ${escapeMarkdown(c.verdict.correction)}` : '';
    return `${state}: ${escapeMarkdown(c.verdict.explanation)}${proposed}${list}`;
  }
  if (c.publicState.kind === 'dismissed') return `${state}${c.dismissReason ? `: ${escapeMarkdown(c.dismissReason)}` : ''}${list}`;
  return sources.length ? `${state}${list}` : null;
}

export function exportMarkdown(b: ExportBundle): string {
  const notes: string[] = [];
  let body = '';
  let pos = 0;
  for (const c of spansInOrder(b.claims)) {
    body += escapeMarkdown(b.text.slice(pos, c.start));
    const original = escapeMarkdown(b.text.slice(c.start, c.end));
    const fix = acceptedFix(c);
    body += fix ? `~~${original}~~ ${escapeMarkdown(fix)}` : original;
    const note = footnote(c);
    if (note) {
      const n = notes.length + 1;
      body += `[^${n}]`;
      notes.push(`[^${n}]: ${note}`);
    }
    pos = c.end;
  }
  body += escapeMarkdown(b.text.slice(pos));
  const head = `# ${escapeMarkdown(b.article.title)}\n\n${b.article.byline ? `*${escapeMarkdown(b.article.byline)}*\n\n` : ''}`;
  return `${label(b)}${head}${body}\n\n${notes.join('\n')}\n`;
}
