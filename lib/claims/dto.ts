// What every reader of a claim receives: the API (API.md `GET /api/articles/:id`), the review
// screen's client components and the exports. Plain data only; lib/db/claim-dto.ts builds these from
// rows, so the browser bundle's types never depend on the storage code (STYLE.md rule 15).
import type { PublicState } from '../verdicts/public-state';
import type { ClaimEntity, ClaimFlag, ClaimNumber } from './schema';

export type SourceDto = {
  id: string;
  url: string;
  title: string;
  publisher: string;
  quote: string;
  stance: string;
  accessedAt: string;
  addedBy: string;
};

export type VerdictDto = {
  id: string;
  /** The verdict scale entry's stable key (decision 032). */
  rating: string;
  /** What the configured scale calls that rating now. */
  ratingName?: string;
  explanation: string;
  correction: string | null;
  /** proposed | accepted | rejected; null without a correction. */
  correctionStatus: string | null;
  /** The draft the verdict was given on. */
  revisionNumber: number;
  author: string;
  createdAt: string;
  /** When an editor approved it; null while it waits (or when the article needs no approval). */
  approvedAt: string | null;
};

export type SpeakerDto = { name: string; type: 'Person' | 'Organization' };

export type ClaimDto = {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  quote: string;
  text: string;
  type: string;
  score: number;
  checkworthy: boolean;
  flags: ClaimFlag[];
  entities: ClaimEntity[];
  numbers: ClaimNumber[];
  antecedent: string | null;
  status: string;
  dismissReason: string | null;
  version: number;
  /** A new draft changed the wording under this claim's review (see publicState). */
  stale: boolean;
  /** The wording before the draft that last changed it. */
  previousQuote: string | null;
  speaker: SpeakerDto | null;
  /** Who owns the claim's review and when it is due (issue 10); null when unassigned / no due time. */
  assignee: { id: string; name: string } | null;
  /** The second reviewer of a blind double check (decision 031), null otherwise or once resolved. */
  secondAssignee: { id: string; name: string } | null;
  /** The double check as the reader may see it; null when the claim is not double-checked. */
  doubleCheck: DoubleCheckDto | null;
  dueAt: string | null;
  /** What the screen and every export show for this claim (lib/verdicts/public-state.ts). */
  publicState: PublicState;
  /** The article asks an editor to approve each verdict before it is published (decision 018). */
  approvalRequired: boolean;
  /** The latest verdict, approved or not: what the reviewer last said. */
  verdict: VerdictDto | null;
  /** The latest approved verdict, null until an editor approves one. */
  approvedVerdict: VerdictDto | null;
  /** What readers and exports are given: the approved verdict, or the latest when no approval is required. */
  publishedVerdict: VerdictDto | null;
  sources: SourceDto[];
};

/** One of the two blind ratings (slot 1: the assignee's, slot 2: the second reviewer's). */
export type BlindVerdictDto = { slot: number; rating: string; ratingName?: string; explanation: string; correction: string | null; author: string; ratedAt: string };

/**
 * `firstIn`/`secondIn` say only whether each rating is in; `first`/`second` carry it when the reader may
 * see it (editors always, a reviewer their own, everyone once both are in). `agree` is set once both are in.
 */
export type DoubleCheckDto = {
  phase: 'blind' | 'both_in' | 'resolved';
  firstIn: boolean;
  secondIn: boolean;
  first: BlindVerdictDto | null;
  second: BlindVerdictDto | null;
  agree: boolean | null;
};

/** A link between two claims of one article (duplicates, contradicts, supports). */
export type RelationDto = {
  id: string;
  type: string;
  origin: string;
  status: string;
  a: string;
  b: string;
  reason: string;
  note: string;
  /** The finder's confidence (0-1) for automatic links, when known: the surest are listed first. */
  confidence?: number;
  /** Confirm and dismiss send it back; a stale one gets 409. */
  version: number;
};

/** A reviewed claim from another article that says much the same ("checked before"). */
export type ArchiveMatch = {
  claimId: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  rating: string;
  explanation: string;
  ratedAt: string;
  similarity: number;
  sources: Array<{ url: string; title: string; stance: string }>;
};
