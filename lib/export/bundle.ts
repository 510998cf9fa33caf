// What every export format is built from: a plain snapshot of the article and its review.
export type ExportSource = { url: string; title: string; publisher: string; quote: string; stance: string; accessedAt: string };
export type ExportClaim = {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  quote: string;
  text: string;
  type: string;
  status: string;
  dismissReason: string | null;
  verdict: { rating: string; explanation: string; correction: string | null; author: string; createdAt: string } | null;
  sources: ExportSource[];
};
export type ExportBundle = {
  article: { id: string; title: string; byline: string; url: string; createdAt: string };
  text: string;
  claims: ExportClaim[];
  /** The organisation named as ClaimReview author. */
  publisher: string;
  exportedAt: string;
};

/** Claims in text order with overlapping spans dropped, so the text can be cut into segments. */
export function spansInOrder(claims: ExportClaim[]): ExportClaim[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ExportClaim[] = [];
  let end = -1;
  for (const c of sorted) {
    if (c.start >= end) {
      out.push(c);
      end = c.end;
    }
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
