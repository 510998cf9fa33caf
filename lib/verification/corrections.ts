// The verified text and its corrections note, drafted from the review history: accepted corrections
// are applied to the article, and each one - and each rating that changed after a claim was first
// rated - becomes a dated entry in the note. Pure. See docs/decisions/008-verified-version.md.

export type CorrectionKind = 'correction' | 'clarification' | 'update';

export type NoteEntry = { claimId: string; ordinal: number; kind: CorrectionKind; text: string; at: string };

export type HistoryVerdict = {
  /** The verdict's scale key (decision 032). */
  rating: string;
  /** The name the configured scale gives it now; the key when absent. */
  ratingName?: string;
  correction: string | null;
  correctionStatus: string | null;
  correctionDecidedAt: string | null;
  createdAt: string;
};

export type NoteClaim = {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  quote: string;
  /** Only claims whose public state is "rated" contribute: a withdrawn review is not published. */
  rated: boolean;
  /** Every verdict on the claim, oldest first; the last is the current one. */
  verdicts: HistoryVerdict[];
};

const SIDE: Record<string, number> = { True: 1, 'Mostly true': 1, Mixed: 0, 'Mostly false': -1, False: -1 };

/**
 * How a rating change reads to the public: crossing from the true side to the false side (or to or
 * from Mixed) corrects what we said; a shade within one side clarifies it; leaving or reaching
 * Unverifiable means new information arrived.
 */
export function kindOfRatingChange(from: string, to: string): CorrectionKind {
  if (!(from in SIDE) || !(to in SIDE)) return 'update';
  return SIDE[from] === SIDE[to] ? 'clarification' : 'correction';
}

const day = (iso: string) => iso.slice(0, 10);

/** The accepted correction currently in force on a claim, if any. */
export function acceptedCorrection(c: NoteClaim): string | null {
  const current = c.verdicts.at(-1);
  return c.rated && current?.correction && current.correctionStatus === 'accepted' ? current.correction : null;
}

export function draftCorrectionsNote(claims: NoteClaim[]): NoteEntry[] {
  const entries: NoteEntry[] = [];
  for (const c of [...claims].sort((a, b) => a.ordinal - b.ordinal)) {
    if (!c.rated || c.verdicts.length === 0) continue;
    const current = c.verdicts.at(-1)!;
    const corrected = acceptedCorrection(c);
    if (corrected) {
      entries.push({
        claimId: c.id, ordinal: c.ordinal, kind: 'correction', at: current.correctionDecidedAt ?? current.createdAt,
        text: `An earlier version of this article said: "${c.quote}" It now reads: "${corrected}"`,
      });
    }
    const first = c.verdicts[0]!;
    if (first.rating !== current.rating) {
      entries.push({
        claimId: c.id, ordinal: c.ordinal, kind: kindOfRatingChange(first.rating, current.rating), at: current.createdAt,
        text: `We first rated the claim "${c.quote}" ${first.ratingName ?? first.rating} (${day(first.createdAt)}). On ${day(current.createdAt)} we changed the rating to ${current.ratingName ?? current.rating}.`,
      });
    }
  }
  return entries;
}

export function formatNote(entries: NoteEntry[]): string {
  const title: Record<CorrectionKind, string> = { correction: 'Correction', clarification: 'Clarification', update: 'Update' };
  return entries.map((e) => `${title[e.kind]} (${day(e.at)}): ${e.text}`).join('\n\n');
}

/** The article text with every accepted correction in place of the words it corrects. */
export function applyCorrections(text: string, claims: NoteClaim[]): string {
  const spans = claims
    .map((c) => ({ c, fix: acceptedCorrection(c) }))
    .filter((x): x is { c: NoteClaim; fix: string } => x.fix !== null)
    .sort((a, b) => a.c.start - b.c.start);
  let out = '';
  let pos = 0;
  for (const { c, fix } of spans) {
    if (c.start < pos) continue; // overlapping spans: the first one wins, as in the annotated exports
    out += text.slice(pos, c.start) + fix;
    pos = c.end;
  }
  return out + text.slice(pos);
}
