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
  'claim.added',
  'claim.resized',
  'claim.split',
  'claim.merged',
  'claim.not-a-claim',
  'correction.accepted',
  'correction.rejected',
  'article.updated',
  'article.verified',
  'article.unverified',
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
  'claim.added': 'added a claim by hand',
  'claim.resized': 'moved where a claim starts or ends',
  'claim.split': 'split a claim in two',
  'claim.merged': 'merged claims into one',
  'claim.not-a-claim': 'marked a span as not a claim',
  'correction.accepted': 'accepted a correction',
  'correction.rejected': 'rejected a correction',
  'article.updated': 'updated the article details',
  'article.verified': 'marked the article verified',
  'article.unverified': 'returned the article to review',
};

export function describeEvent(type: string): string {
  return (LABELS as Record<string, string>)[type] ?? type;
}
