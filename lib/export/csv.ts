// CSV of claims, verdicts and sources: one row per claim and source (a claim without sources still
// gets one row). The verdict column is the claim's public state, as on screen; explanation and
// correction appear only for a rating that stands. Cells a spreadsheet would run as a formula are
// prefixed with a quote. Columns are only ever added at the end (docs/API.md).
import { isRated, type ExportBundle } from './bundle';

const HEADER = [
  'claim', 'start', 'end', 'type', 'status', 'quote', 'verdict', 'explanation', 'correction', 'reviewer', 'reviewed_at',
  'source_url', 'source_title', 'source_publisher', 'stance', 'source_quote', 'state', 'correction_status', 'speaker', 'verification',
];

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(b: ExportBundle): string {
  const verification = !b.verification.verified ? 'not verified' : b.verification.overrideReason ? 'verified by override' : 'verified';
  const rows: Array<Array<string | number | null>> = [HEADER];
  for (const c of b.claims) {
    const rated = isRated(c) ? c.verdict : null;
    const base = [
      `c${c.ordinal}`, c.start, c.end, c.type, c.status, c.quote, c.publicState.label,
      rated?.explanation ?? (c.publicState.kind === 'dismissed' ? c.dismissReason : '') ?? '',
      rated?.correction ?? '', rated?.author ?? '', rated?.createdAt ?? '',
    ];
    const tail = [c.publicState.kind, rated?.correction ? rated.correctionStatus : '', c.speaker?.name ?? '', verification];
    if (c.sources.length === 0) rows.push([...base, '', '', '', '', '', ...tail]);
    for (const s of c.sources) rows.push([...base, s.url, s.title, s.publisher, s.stance, s.quote, ...tail]);
  }
  // BOM so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
