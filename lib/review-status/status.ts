// A claim's review status (PRODUCT.md): open -> in_review -> reviewed -> approved, or dismissed.
// Pure: lib/db asks `nextStatus` before every status-changing write, so the rules live in one place
// and a refused move is a clear 409 rather than a status no screen knows how to show.
export const CLAIM_STATUSES = ['open', 'in_review', 'reviewed', 'approved', 'dismissed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * What a person does to a claim. `source` is any work on the evidence (add or remove a source);
 * `verdict` includes reusing an earlier review.
 */
export type ReviewMove = 'source' | 'verdict' | 'dismiss' | 'approve' | 'send_back' | 'assign' | 'blind_verdict' | 'resolve';
export const REVIEW_MOVES: readonly ReviewMove[] = ['source', 'verdict', 'dismiss', 'approve', 'send_back', 'assign', 'blind_verdict', 'resolve'];

export type MoveResult = { ok: true; status: ClaimStatus } | { ok: false; reason: string };

export function isClaimStatus(value: string): value is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(value);
}

export function nextStatus(from: string, move: ReviewMove): MoveResult {
  if (!isClaimStatus(from)) return { ok: false, reason: `A claim in status "${from}" cannot be reviewed.` };
  switch (move) {
    // Work on the evidence starts the review; it never undoes a verdict, an approval or a dismissal.
    case 'source':
      return { ok: true, status: from === 'open' ? 'in_review' : from };
    // A new verdict (also on an approved or dismissed claim) waits for approval again.
    case 'verdict':
      return { ok: true, status: 'reviewed' };
    case 'dismiss':
      return { ok: true, status: 'dismissed' };
    case 'approve':
      if (from === 'reviewed') return { ok: true, status: 'approved' };
      return { ok: false, reason: from === 'approved' ? 'This verdict is already approved.' : 'There is no verdict waiting for approval on this claim.' };
    // Sending back asks the reviewer for more work: only a verdict (approved or not) can go back.
    case 'send_back':
      if (from === 'reviewed' || from === 'approved') return { ok: true, status: 'in_review' };
      return { ok: false, reason: 'There is no verdict to send back on this claim.' };
    // An owner starts the review of an open claim; a reviewed claim reassigned for a second look
    // stays reviewed until its new owner acts.
    case 'assign':
      return { ok: true, status: from === 'open' ? 'in_review' : from };
    // One of the two blind ratings of a double check (decision 031): the claim is still in review until
    // the other is in too (the data layer then takes the 'verdict' move to reviewed). An approved or
    // dismissed claim has an answer already: it goes back (send-back) before it is checked again.
    case 'blind_verdict':
      if (from === 'approved') return { ok: false, reason: 'This claim is already approved. An editor sends it back before it is checked again.' };
      if (from === 'dismissed') return { ok: false, reason: 'This claim was dismissed as not checkable; there is nothing to rate.' };
      return { ok: true, status: 'in_review' };
    // The editor's decision between two blind ratings is the approval: only once both are in.
    case 'resolve':
      if (from === 'reviewed') return { ok: true, status: 'approved' };
      return { ok: false, reason: from === 'approved' ? 'This double check is already resolved.' : 'Both reviewers rate the claim before an editor resolves it.' };
  }
}
