// Who sees what during a blind double check (decision 031). Pure: lib/db applies these rules on every
// read path (article, 409 bodies, history and its downloads, comments, queue mentions, archive
// matches), so the API hides the other reviewer's work, not only the screen.

/** The two reviewers of a claim and which of the two blind ratings (slots 1 and 2) are in. */
export type BlindClaim = { assigneeId: string | null; secondAssigneeId: string | null; slotsIn: readonly number[] };

/**
 * `none`: not double-checked. `blind`: two reviewers, fewer than two ratings in: each sees only their
 * own work. `both_in`: both rated; everyone sees both and the editor resolves. `resolved`: the editor
 * chose (the second reviewer is cleared then; the two ratings stay for the agreement figures).
 */
export type DoublePhase = 'none' | 'blind' | 'both_in' | 'resolved';

export function doublePhase(c: BlindClaim): DoublePhase {
  const both = c.slotsIn.includes(1) && c.slotsIn.includes(2);
  if (!c.secondAssigneeId) return both ? 'resolved' : 'none';
  return both ? 'both_in' : 'blind';
}

export type Viewer = { id: string; role: string };

/** Editors and admins assign the pair and resolve, so they see both ratings at every moment. */
export const seesBothSides = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'editor';

/**
 * Whose work on the claim this viewer must not see now: during the blind phase, a reviewer does not
 * see either assigned reviewer's work but their own. (Not only the pair: a third reviewer who could read
 * both sides could carry one to the other.) Empty in every other phase and for editors and admins.
 */
export function hiddenAuthors(viewer: Viewer, c: BlindClaim): ReadonlySet<string> {
  if (doublePhase(c) !== 'blind' || seesBothSides(viewer)) return new Set();
  return new Set([c.assigneeId, c.secondAssigneeId].filter((id): id is string => id !== null && id !== viewer.id));
}

/** The slot this account rates in (1 assignee, 2 second reviewer), or null when it is not one of the two. */
export function slotOf(userId: string, c: Pick<BlindClaim, 'assigneeId' | 'secondAssigneeId'>): 1 | 2 | null {
  if (c.assigneeId === userId) return 1;
  if (c.secondAssigneeId === userId) return 2;
  return null;
}

/**
 * History rows on a claim in its blind phase keep who, when and what kind for a reviewer who must not
 * see the other side, but lose their before/after: a verdict's rating, a source's address and a
 * comment's text all live there. Everything not written by the viewer is redacted, not only the other
 * reviewer's rows: an editor resolving a comment copies its text into the event. Assignment rows stay
 * readable: they carry names and due times, which the claim shows anyway.
 */
export function redactEvent(viewer: Viewer, c: BlindClaim, e: { actorId: string | null; type: string }): boolean {
  if (doublePhase(c) !== 'blind' || seesBothSides(viewer)) return false;
  if (e.actorId === viewer.id) return false;
  return e.type !== 'claim.assigned';
}
