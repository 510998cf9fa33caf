// CSV of claims, verdicts and sources: one row per claim and source (a claim without sources still
// gets one row). Cells that a spreadsheet would run as a formula are prefixed with a quote.
import type { ExportBundle } from './bundle';

const HEADER = ['claim', 'start', 'end', 'type', 'status', 'quote', 'verdict', 'explanation', 'correction', 'reviewer', 'reviewed_at', 'source_url', 'source_title', 'source_publisher', 'stance', 'source_quote'];

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(b: ExportBundle): string {
  const rows: Array<Array<string | number | null>> = [HEADER];
  for (const c of b.claims) {
    const base = [
      `c${c.ordinal}`, c.start, c.end, c.type, c.status, c.quote,
      c.verdict?.rating ?? (c.status === 'dismissed' ? 'Not checkable' : ''),
      c.verdict?.explanation ?? c.dismissReason ?? '', c.verdict?.correction ?? '', c.verdict?.author ?? '', c.verdict?.createdAt ?? '',
    ];
    if (c.sources.length === 0) rows.push([...base, '', '', '', '', '']);
    for (const s of c.sources) rows.push([...base, s.url, s.title, s.publisher, s.stance, s.quote]);
  }
  // BOM so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
