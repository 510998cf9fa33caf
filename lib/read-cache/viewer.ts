// What makes a read differ per viewer, as one cache key. Today an article reads the same for every
// signed-in account, but blind double checks (another branch) will hide some data from some viewers:
// keying by role and account id keeps every cached body and ETag per viewer from the start, so that
// change cannot leak one viewer's view to another through the cache.
import type { Actor } from '../auth/permissions';

export function viewerKey(actor: Pick<Actor, 'id' | 'role'>): string {
  return `${actor.role}:${actor.id}`;
}
