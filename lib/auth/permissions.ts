// Who may do what (PRODUCT.md "Who uses it"). Pure: the data layer calls `assertCan` where data is
// touched; pages call `can` only to hide buttons a role could not use anyway.
import { AppError } from '../api/errors';

export const ROLES = ['admin', 'editor', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export type Action =
  | 'article:read'
  | 'article:create'
  | 'article:export'
  | 'article:revise'
  | 'article:verify'
  | 'claim:review'
  | 'claim:approve'
  | 'claim:edit'
  | 'claims:extract'
  | 'user:manage'
  | 'archive:import'
  | 'claim:assign'
  | 'claim:comment'
  | 'queue:read'
  | 'desk:dashboard'
  | 'scale:manage';

const ALLOWED: Record<Action, readonly Role[]> = {
  'article:read': ROLES,
  'article:create': ['admin', 'editor'],
  'article:export': ['admin', 'editor'],
  // Loading a new draft, and the editor's decisions on it: corrections, the note, the publish gate.
  'article:revise': ['admin', 'editor'],
  'article:verify': ['admin', 'editor'],
  'claim:review': ROLES,
  // Approving a verdict or sending it back, and whether an article needs approval at all (decision 018).
  'claim:approve': ['admin', 'editor'],
  // Correcting the extraction (add, split, merge, resize, not a claim): reviewers do it while reviewing.
  'claim:edit': ROLES,
  'claims:extract': ROLES,
  'user:manage': ['admin'],
  // An import creates an article and may create accounts: an admin's job.
  'archive:import': ['admin'],
  // Issue 10: editors hand out the work and watch the desk; everyone comments and has a queue.
  'claim:assign': ['admin', 'editor'],
  'claim:comment': ROLES,
  'queue:read': ROLES,
  'desk:dashboard': ['admin', 'editor'],
  // The verdict scale is the desk's published vocabulary (decision 032): an admin's decision.
  'scale:manage': ['admin'],
};

export type Actor = { id: string; email: string; role: Role; name: string };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(actor: Pick<Actor, 'role'> | null | undefined, action: Action): boolean {
  return Boolean(actor && ALLOWED[action].includes(actor.role));
}

export function assertCan(actor: Actor | null | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!can(actor, action)) throw new AppError('forbidden', `Your role (${actor.role}) cannot do this.`);
}
