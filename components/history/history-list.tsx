import type { EventDto } from '@/lib/db/history';
import { describeEvent } from '@/lib/history/events';

function summary(e: EventDto): string {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const before = (e.before ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'verdict.recorded': return `${before.rating ? `${String(before.rating)} → ` : ''}${String(after.rating ?? '')}${after.revision ? ` (on draft ${String(after.revision)})` : ''}${after.correction ? ', with a correction' : ''}`;
    case 'revision.loaded': return `draft ${String(after.revision ?? '')}: ${String(after.kept ?? 0)} kept, ${String(after.stale ?? 0)} changed, ${String(after.removed ?? 0)} removed, ${String(after.new ?? 0)} new`;
    case 'claim.changed': return `"${String(before.quote ?? '')}" → "${String(after.quote ?? '')}"`;
    case 'claim.archived': return `"${String(before.quote ?? '')}" (removed in draft ${String(after.revision ?? '')})`;
    case 'correction.accepted': case 'correction.rejected': return String(after.correction ?? '');
    case 'article.verified': return after.override ? `override: ${String(after.override)}` : `gate met on draft ${String(after.revision ?? '')}`;
    case 'article.unverified': return `after ${String(after.cause ?? 'a change')}`;
    case 'article.updated': return Object.keys(after).map((k) => (k === 'publicUrl' ? `public URL: ${String(after[k] ?? 'none')}` : 'corrections note edited')).join('; ');
    case 'source.added': return String(after.title ?? after.url ?? '');
    case 'source.removed': return String(before.title ?? before.url ?? '');
    case 'claim.dismissed': return String(after.dismissReason ?? '');
    case 'claims.extracted': return `${String(after.claims ?? 0)} claims, ${String(after.relations ?? 0)} relations`;
    case 'article.exported': return String(after.format ?? '').toUpperCase();
    case 'claim.added': case 'claim.not-a-claim': return `"${String(after.quote ?? '')}"`;
    case 'claim.resized': return `"${String(before.quote ?? '')}" → "${String(after.quote ?? '')}"${after.stale ? ' (check its verdict again)' : ''}`;
    case 'claim.split': return Array.isArray(after.parts) ? (after.parts as Array<{ quote?: unknown }>).map((p) => `"${String(p.quote ?? '')}"`).join(' and ') : '';
    case 'claim.merged': return `${Array.isArray(before.claims) ? before.claims.length : 2} claims → "${String(after.quote ?? '')}"`;
    default: return '';
  }
}

/** The article's review history, newest first. React escapes every string shown here. */
export function HistoryList({ events, ordinals }: { events: EventDto[]; ordinals: Map<string, number> }) {
  if (events.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  return (
    <ol className="history" aria-label="History">
      {[...events].reverse().map((e) => (
        <li key={e.id} data-event-type={e.type}>
          <time dateTime={e.at}>{new Date(e.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</time>{' '}
          <strong>{e.actor ?? 'system'}</strong> {describeEvent(e.type)}
          {e.target.type === 'claim' && ordinals.has(e.target.id) ? ` on claim ${ordinals.get(e.target.id)}` : ''}
          {summary(e) ? <>: <span className="history-detail">{summary(e)}</span></> : null}
        </li>
      ))}
    </ol>
  );
}
