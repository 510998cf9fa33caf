// What every export format is built from: a plain snapshot of the article and its review. Each
// claim carries its publicState, and renderers show nothing of a review that state does not allow.
import type { PublicState } from '../verdicts/public-state';
import type { NoteEntry } from '../verification/corrections';

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
  publicState: PublicState;
  dismissReason: string | null;
  verdict: {
    rating: string; explanation: string; correction: string | null; correctionStatus: string | null;
    author: string; createdAt: string;
  } | null;
  speaker: { name: string; type: 'Person' | 'Organization' } | null;
  sources: ExportSource[];
};
export type ExportBundle = {
  article: {
    id: string; title: string; byline: string; createdAt: string;
    /** Where the fact check is published; null when the desk has not set one (no url is published). */
    publicUrl: string | null;
  };
  /** Whether the publish gate was met, or overridden (with the editor's reason). */
  verification: { verified: boolean; at: string | null; overrideReason: string | null };
  text: string;
  claims: ExportClaim[];
  /** The verified text: `text` with accepted corrections applied. */
  correctedText: string;
  /** Drafted from history; the note's published wording is `correctionsNote`. */
  corrections: NoteEntry[];
  /** The corrections note as published: the editor's edit, or the drafted entries. */
  correctionsNote: string;
  /** The organisation named as ClaimReview author. */
  publisher: string;
  /**
   * ClaimReview bestRating/worstRating of the configured scale (decision 032); null when no rating has
   * a value. Absent: the default scale's 5 and 1.
   */
  ratingBounds?: { bestRating: number; worstRating: number } | null;
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

/** Only rated claims' reviews are published; a withdrawn or stale one is not. */
export const isRated = (c: ExportClaim): c is ExportClaim & { verdict: NonNullable<ExportClaim['verdict']> } =>
  c.publicState.kind === 'rated' && c.verdict !== null;

/** A correction shown in place of the words it corrects: only once an editor accepted it. */
export const acceptedFix = (c: ExportClaim): string | null =>
  isRated(c) && c.verdict.correction && c.verdict.correctionStatus === 'accepted' ? c.verdict.correction : null;

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
