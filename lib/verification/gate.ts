// The publish gate (PRODUCT.md "What the verified version is"): an article may be marked verified
// only when every check-worthy claim of its current draft is reviewed - rated with at least one
// source - or dismissed, no claim's wording changed under its review (stale), and no proposed
// correction waits for an editor, and (where the article requires approval) no verdict waits for one. Pure: the data layer feeds it the current claims.
import { publicState } from '../verdicts/public-state';

export type GateClaim = {
  id: string;
  ordinal: number;
  quote: string;
  checkworthy: boolean;
  status: string;
  stale: boolean;
  verdict: { id?: string; rating: string; correctionStatus: string | null } | null;
  approvalRequired?: boolean;
  approvedVerdict?: { id?: string; rating: string; correctionStatus: string | null } | null;
  sources: unknown[];
};

export type GateProblem = 'not_reviewed' | 'no_source' | 'stale' | 'correction_pending' | 'not_approved';

export type GateItem = { claimId: string; ordinal: number; quote: string; problem: GateProblem; message: string };

const MESSAGES: Record<GateProblem, string> = {
  not_reviewed: 'Rate it (with a source) or dismiss it as not checkable.',
  no_source: 'Rated without a source: add the source the verdict rests on.',
  stale: 'The wording changed in a new draft: confirm or change the verdict.',
  correction_pending: 'A proposed correction waits for an editor: accept or reject it.',
  not_approved: 'A verdict waits for an editor\'s approval: approve it or send it back.',
};

export function checkGate(claims: GateClaim[]): { ok: boolean; missing: GateItem[] } {
  const missing: GateItem[] = [];
  for (const c of claims) {
    if (!c.checkworthy) continue;
    const state = publicState(c);
    let problem: GateProblem | null = null;
    if (state.kind === 'stale') problem = 'stale';
    else if (state.kind === 'open') problem = 'not_reviewed';
    // The verdict the reviewer last gave is what the article must publish: an older approved one
    // standing in for it is not verified either.
    else if (state.kind === 'awaiting' || state.pendingApproval) problem = 'not_approved';
    else if (state.kind === 'rated' && c.sources.length === 0) problem = 'no_source';
    else if (state.kind === 'rated' && (c.approvalRequired ? c.approvedVerdict : c.verdict)?.correctionStatus === 'proposed') problem = 'correction_pending';
    if (problem) missing.push({ claimId: c.id, ordinal: c.ordinal, quote: c.quote, problem, message: MESSAGES[problem] });
  }
  missing.sort((a, b) => a.ordinal - b.ordinal);
  return { ok: missing.length === 0, missing };
}
