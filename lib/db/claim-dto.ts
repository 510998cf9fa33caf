// Builds the claim shape every reader gets (lib/claims/dto.ts) from rows chosen with an explicit select.
import type { BlindVerdictDto, ClaimDto, DoubleCheckDto, SpeakerDto, VerdictDto } from '../claims/dto';
import { doublePhase, hiddenAuthors, type BlindClaim, type Viewer } from '../double-check/blind';
import { NOT_A_CLAIM } from '../claims/edit-schema';
import type { ClaimEntity, ClaimFlag, ClaimNumber } from '../claims/schema';
import { publicState } from '../verdicts/public-state';
import { DEFAULT_SCALE_ENTRIES, entryFor, type ScaleEntry } from '../verdicts/scale';

export type { ClaimDto, SourceDto, SpeakerDto, VerdictDto } from '../claims/dto';

/**
 * The article's current claims: on its latest draft, not archived, and not marked "not a claim". The
 * one rule every reader follows (getArticle for the screen, the API and every export; the publish
 * gate), so a span marked not a claim can never count anywhere. See decision 014.
 */
export const currentClaimsWhere = (revisionId: string) => ({ revisionId, archivedAt: null, status: { not: NOT_A_CLAIM } });

const verdictSelect = {
  id: true, rating: true, explanation: true, correction: true, correctionStatus: true, revisionNumber: true, createdAt: true,
  approvedAt: true, authorId: true, author: { select: { email: true, name: true } },
} as const;

export const claimSelect = {
  id: true, ordinal: true, start: true, end: true, quote: true, text: true, type: true, score: true,
  checkworthy: true, flags: true, entities: true, numbers: true, antecedent: true, status: true,
  dismissReason: true, version: true, stale: true, previousQuote: true, speaker: true, speakerType: true,
  dueAt: true, assignee: { select: { id: true, email: true, name: true } },
  assigneeId: true, secondAssigneeId: true, secondAssignee: { select: { id: true, email: true, name: true } },
  blindVerdicts: {
    orderBy: { slot: 'asc' as const },
    select: { slot: true, authorId: true, rating: true, explanation: true, correction: true, updatedAt: true, author: { select: { email: true, name: true } } },
  },
  verdicts: {
    orderBy: { createdAt: 'desc' as const },
    take: 1,
    select: verdictSelect,
  },
  approvedVerdict: { select: verdictSelect },
  article: { select: { approvalRequired: true } },
  sources: {
    where: { removedAt: null },
    orderBy: { createdAt: 'asc' as const },
    select: { id: true, url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true, createdById: true, createdBy: { select: { email: true, name: true } } },
  },
} as const;

type Person = { email: string; name: string };
const who = (p: Person) => p.name || p.email;

type VerdictRow = {
  id: string; rating: string; explanation: string; correction: string | null; correctionStatus: string | null;
  revisionNumber: number; createdAt: Date; approvedAt: Date | null; authorId: string; author: Person;
};

type BlindRow = { slot: number; authorId: string; rating: string; explanation: string; correction: string | null; updatedAt: Date; author: Person };

const verdictDto = (v: VerdictRow, scale: readonly ScaleEntry[]): VerdictDto => ({
  id: v.id, rating: v.rating, ratingName: entryFor(scale, v.rating)?.name ?? v.rating, explanation: v.explanation, correction: v.correction, correctionStatus: v.correctionStatus,
  revisionNumber: v.revisionNumber, author: who(v.author), createdAt: v.createdAt.toISOString(), approvedAt: v.approvedAt?.toISOString() ?? null,
});

type ClaimRow = {
  id: string; ordinal: number; start: number; end: number; quote: string; text: string; type: string; score: number;
  checkworthy: boolean; flags: string; entities: string; numbers: string; antecedent: string | null; status: string;
  dismissReason: string | null; version: number; stale: boolean; previousQuote: string | null;
  speaker: string | null; speakerType: string | null;
  dueAt?: Date | null; assignee?: (Person & { id: string }) | null;
  assigneeId: string | null; secondAssigneeId: string | null; secondAssignee: (Person & { id: string }) | null;
  blindVerdicts: BlindRow[];
  verdicts: VerdictRow[];
  approvedVerdict: VerdictRow | null;
  article: { approvalRequired: boolean };
  sources: Array<{ id: string; url: string; title: string; publisher: string; quote: string; stance: string; accessedAt: Date; createdById: string; createdBy: Person }>;
};

/** The reviewer's correction if there is one, else the speaker extraction tagged in the sentence. */
function speakerOf(c: ClaimRow, entities: ClaimEntity[]): SpeakerDto | null {
  if (c.speaker) return { name: c.speaker, type: c.speakerType === 'Organization' ? 'Organization' : 'Person' };
  const tagged = entities.find((e) => e.role === 'speaker');
  if (!tagged) return null;
  return { name: tagged.text, type: tagged.kind === 'person' ? 'Person' : 'Organization' };
}

const blindDto = (b: BlindRow, scale: readonly ScaleEntry[]): BlindVerdictDto => ({
  slot: b.slot, rating: b.rating, ratingName: entryFor(scale, b.rating)?.name ?? b.rating, explanation: b.explanation, correction: b.correction, author: who(b.author), ratedAt: b.updatedAt.toISOString(),
});

/**
 * The double check as this viewer may see it: whether each rating is in (never what it says) and,
 * where allowed, the ratings themselves; agree/disagree only once both are in.
 */
function doubleCheckDto(c: ClaimRow, state: BlindClaim, hidden: ReadonlySet<string>, scale: readonly ScaleEntry[]): DoubleCheckDto | null {
  const phase = doublePhase(state);
  if (phase === 'none') return null;
  const slot = (n: number) => c.blindVerdicts.find((b) => b.slot === n);
  const shown = (b: BlindRow | undefined) => (b && !hidden.has(b.authorId) ? blindDto(b, scale) : null);
  const [first, second] = [slot(1), slot(2)];
  return {
    phase, firstIn: Boolean(first), secondIn: Boolean(second), first: shown(first), second: shown(second),
    agree: phase === 'blind' || !first || !second ? null : first.rating === second.rating,
  };
}

/**
 * The claim as `viewer` may read it. `viewer` is required so every caller decides who reads: during a
 * blind double check a reviewer must not get the other reviewer's rating, verdict or sources
 * (lib/double-check/blind.ts). 'all' is for server-side checks that answer editors (the publish gate).
 * `scale`: the configured verdict scale (loadScale), for the rating's name, value, colour and icon.
 */
export function toClaimDto(c: ClaimRow, viewer: Viewer | 'all', scale: readonly ScaleEntry[] = DEFAULT_SCALE_ENTRIES): ClaimDto {
  const state: BlindClaim = { assigneeId: c.assigneeId, secondAssigneeId: c.secondAssigneeId, slotsIn: c.blindVerdicts.map((b) => b.slot) };
  const hidden = viewer === 'all' ? new Set<string>() : hiddenAuthors(viewer, state);
  const v = c.verdicts[0] && !hidden.has(c.verdicts[0].authorId) ? c.verdicts[0] : undefined;
  const entities = JSON.parse(c.entities) as ClaimEntity[];
  const verdict = v ? verdictDto(v, scale) : null;
  // The approved verdict too: one approved before the double check began may be the other reviewer's
  // rating (approved, then sent back and given to the pair). Hidden, the claim publishes nothing to
  // this viewer until both ratings are in, as publicState and publishedVerdict derive from it.
  const approvedVerdict = c.approvedVerdict && !hidden.has(c.approvedVerdict.authorId) ? verdictDto(c.approvedVerdict, scale) : null;
  const approvalRequired = c.article.approvalRequired;
  return {
    id: c.id, ordinal: c.ordinal, start: c.start, end: c.end, quote: c.quote, text: c.text, type: c.type, score: c.score,
    checkworthy: c.checkworthy,
    flags: JSON.parse(c.flags) as ClaimFlag[],
    entities,
    numbers: JSON.parse(c.numbers) as ClaimNumber[],
    antecedent: c.antecedent,
    status: c.status,
    dismissReason: c.dismissReason,
    version: c.version,
    stale: c.stale,
    previousQuote: c.previousQuote,
    speaker: speakerOf(c, entities),
    assignee: c.assignee ? { id: c.assignee.id, name: who(c.assignee) } : null,
    secondAssignee: c.secondAssignee ? { id: c.secondAssignee.id, name: who(c.secondAssignee) } : null,
    doubleCheck: doubleCheckDto(c, state, hidden, scale),
    dueAt: c.dueAt?.toISOString() ?? null,
    publicState: publicState({ status: c.status, stale: c.stale, verdict, approvalRequired, approvedVerdict }, scale),
    approvalRequired,
    verdict,
    approvedVerdict,
    publishedVerdict: approvalRequired ? approvedVerdict : verdict,
    sources: c.sources.filter((s) => !hidden.has(s.createdById)).map((s) => ({
      id: s.id, url: s.url, title: s.title, publisher: s.publisher, quote: s.quote, stance: s.stance,
      accessedAt: s.accessedAt.toISOString(), addedBy: who(s.createdBy),
    })),
  };
}
