// The review history's event types. Payloads (before/after) are JSON snapshots of the changed
// fields; the type names are stable because exports and the history API show them.
export const EVENT_TYPES = [
  'account.created',
  'article.loaded',
  'claims.extracted',
  'verdict.recorded',
  'source.added',
  'source.removed',
  'claim.dismissed',
  'article.exported',
  'relation.added',
  'relation.confirmed',
  'relation.dismissed',
  'review.reused',
  'revision.loaded',
  'claim.changed',
  'claim.archived',
  'claim.speaker-set',
  'correction.accepted',
  'correction.rejected',
  'article.updated',
  'article.verified',
  'article.unverified',
  'article.imported',
  'account.deactivated',
  'account.reactivated',
  'account.role_changed',
  'account.password_changed',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const LABELS: Record<EventType, string> = {
  'account.created': 'created an account',
  'article.loaded': 'loaded the article',
  'claims.extracted': 'extracted claims',
  'verdict.recorded': 'recorded a verdict',
  'source.added': 'added a source',
  'source.removed': 'removed a source',
  'claim.dismissed': 'dismissed a claim as not checkable',
  'article.exported': 'exported the article',
  'relation.added': 'linked two claims',
  'relation.confirmed': 'confirmed a suggested link',
  'relation.dismissed': 'dismissed a suggested link',
  'review.reused': 'reused an earlier review',
  'revision.loaded': 'loaded a new draft',
  'claim.changed': 'saw the wording change in a new draft',
  'claim.archived': 'saw the sentence removed in a new draft',
  'claim.speaker-set': 'corrected who a claim is attributed to',
  'correction.accepted': 'accepted a correction',
  'correction.rejected': 'rejected a correction',
  'article.updated': 'updated the article details',
  'article.verified': 'marked the article verified',
  'article.unverified': 'returned the article to review',
  'article.imported': 'imported the article from a review archive',
  'account.deactivated': 'deactivated an account',
  'account.reactivated': 'reactivated an account',
  'account.role_changed': 'changed an account\'s role',
  'account.password_changed': 'changed an account\'s password',
};

export function describeEvent(type: string): string {
  return (LABELS as Record<string, string>)[type] ?? type;
}
