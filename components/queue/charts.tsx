// Plain SVG charts for the dashboard and the article list (issue 10 item 8). Each chart is hidden
// from screen readers and paired with a table or text that says the same, so nothing is colour-only.
// SVG presentation attributes, not style attributes: the page CSP allows no inline styles.
import type { ReactNode } from 'react';

export const STATUS_PARTS = [
  { id: 'approved', label: 'approved', fill: '#1d6b3a' },
  { id: 'reviewed', label: 'reviewed', fill: '#6aa84f' },
  { id: 'in_review', label: 'in review', fill: '#e0a100' },
  { id: 'open', label: 'open', fill: '#9db6e4' },
  { id: 'dismissed', label: 'dismissed', fill: '#9a9a9a' },
] as const;

/** One article's claims by status as a stacked bar; the label reads the same counts in words. */
export function StatusBar({ counts, width = 140 }: { counts: Record<(typeof STATUS_PARTS)[number]['id'], number>; width?: number }) {
  const total = STATUS_PARTS.reduce((s, p) => s + counts[p.id], 0);
  const words = STATUS_PARTS.filter((p) => counts[p.id] > 0).map((p) => `${counts[p.id]} ${p.label}`).join(', ') || 'no claims';
  let x = 0;
  return (
    <span className="status-bar" data-testid="status-bar">
      <svg width={width} height={12} viewBox={`0 0 ${width} 12`} aria-hidden="true" focusable="false">
        <rect x={0} y={0} width={width} height={12} fill="#eef0f3" />
        {total > 0 ? STATUS_PARTS.map((p) => {
          const w = (counts[p.id] / total) * width;
          const r = w > 0 ? <rect key={p.id} x={x} y={0} width={w} height={12} fill={p.fill}><title>{`${counts[p.id]} ${p.label}`}</title></rect> : null;
          x += w;
          return r;
        }) : null}
      </svg>
      <span className="sr-only">{words}</span>
    </span>
  );
}

/** Horizontal bars, one per row; the caller renders the table alternative beside it. */
export function BarChart({ rows, label, width = 420 }: { rows: Array<{ label: string; value: number; fill?: string }>; label: string; width?: number }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const labelW = 130;
  const barW = width - labelW - 40;
  const rowH = 22;
  return (
    <svg className="bar-chart" width={width} height={rows.length * rowH + 4} viewBox={`0 0 ${width} ${rows.length * rowH + 4}`} aria-hidden="true" focusable="false" data-chart={label}>
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0 ${i * rowH + 2})`}>
          <text x={labelW - 6} y={15} textAnchor="end" fontSize={13} fill="#1b1b1f">{r.label}</text>
          <rect x={labelW} y={3} width={(r.value / max) * barW} height={15} fill={r.fill ?? '#1f4fa8'} />
          <text x={labelW + (r.value / max) * barW + 4} y={15} fontSize={13} fill="#1b1b1f">{r.value}</text>
        </g>
      ))}
    </svg>
  );
}

/** A chart and its table alternative under one heading. */
export function ChartFigure({ title, chart, children }: { title: string; chart: ReactNode; children: ReactNode }) {
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="card chart" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {chart}
      {children}
    </section>
  );
}
