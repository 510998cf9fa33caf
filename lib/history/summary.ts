// What a person reads in the history: each event's detail line, events grouped where a list of
// identical lines would bury the rest (repeated exports), and the kinds the list can be filtered by.
import type { EventDto } from './dto';

const EXPORT_FORMAT_LABELS: Record<string, string> = {
  html: 'HTML', md: 'Markdown', jsonld: 'JSON-LD', csv: 'CSV', 'verified-html': 'verified HTML', 'verified-md': 'verified Markdown',
};

export function exportFormatLabel(format: unknown): string {
  const f = String(format ?? '');
  return EXPORT_FORMAT_LABELS[f] ?? f.toUpperCase();
}

/** The detail after an event's label ("True → False (on draft 2)"), or '' when there is none. */
export function summariseEvent(e: Pick<EventDto, 'type' | 'before' | 'after'>): string {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const before = (e.before ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'verdict.recorded': return `${before.rating ? `${String(before.ratingName ?? before.rating)} → ` : ''}${String(after.ratingName ?? after.rating ?? '')}${after.revision ? ` (on draft ${String(after.revision)})` : ''}${after.correction ? ', with a correction' : ''}`;
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
    case 'verdict.approved': return String(after.ratingName ?? after.rating ?? '');
    case 'verdict.sent-back': return `${String(after.ratingName ?? after.rating ?? '')}: “${String(after.comment ?? '')}”`;
    case 'article.approval-set': return after.approvalRequired ? 'an editor approves each verdict' : 'verdicts are published without approval';
    // A redacted row (decision 031) has no before/after: it reads as its label alone.
    case 'verdict.blind': return after.rating ? `${String(after.rating)}${after.bothIn ? (after.agree ? ' (both in: agree)' : ' (both in: disagree)') : ''}` : '';
    case 'double.resolved': return after.rating ? `${String(after.rating)} (${after.chosen === 'editor' ? "the editor's own" : `reviewer ${after.chosen === 'second' ? 2 : 1}'s`}; the reviewers ${before.agree ? 'agreed' : 'disagreed'})` : '';
    case 'article.double-check-set': return after.doubleCheck ? 'two reviewers rate each claim blind' : 'one reviewer per claim';
    case 'claims.extracted': return `${String(after.claims ?? 0)} claims, ${String(after.relations ?? 0)} relations`;
    case 'article.exported': return exportFormatLabel(after.format);
    case 'claim.added': case 'claim.not-a-claim': return `"${String(after.quote ?? '')}"`;
    case 'claim.resized': return `"${String(before.quote ?? '')}" → "${String(after.quote ?? '')}"${after.stale ? ' (check its verdict again)' : ''}`;
    case 'claim.split': return Array.isArray(after.parts) ? (after.parts as Array<{ quote?: unknown }>).map((p) => `"${String(p.quote ?? '')}"`).join(' and ') : '';
    case 'claim.merged': return `${Array.isArray(before.claims) ? before.claims.length : 2} claims → "${String(after.quote ?? '')}"`;
    case 'claim.assigned': case 'article.assigned': return `to ${String(after.assignee ?? 'nobody')}${after.dueAt ? `, due ${String(after.dueAt).slice(0, 16).replace('T', ' ')} UTC` : ''}${typeof after.claims === 'number' ? ` (${after.claims} claims)` : ''}`;
    case 'comment.added': return `"${String(after.body ?? '').slice(0, 200)}"`;
    case 'comment.resolved': return `"${String(after.body ?? '').slice(0, 200)}"`;
    default: return '';
  }
}

export const HISTORY_KINDS = [
  { id: 'verdicts', label: 'Verdicts and dismissals' },
  { id: 'sources', label: 'Sources' },
  { id: 'claims', label: 'Claims' },
  { id: 'links', label: 'Links between claims' },
  { id: 'drafts', label: 'Drafts and details' },
  { id: 'exports', label: 'Exports' },
  { id: 'publishing', label: 'Verification' },
  { id: 'assignment', label: 'Assignment' },
  { id: 'comments', label: 'Comments' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'other', label: 'Other' },
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number]['id'];

const KIND_OF_TYPE: Record<string, HistoryKind> = {
  'verdict.recorded': 'verdicts', 'review.reused': 'verdicts', 'claim.dismissed': 'verdicts',
  'correction.accepted': 'verdicts', 'correction.rejected': 'verdicts',
  'claims.extracted': 'claims',
  'article.loaded': 'drafts', 'revision.loaded': 'drafts', 'article.updated': 'drafts',
  'article.exported': 'exports',
  'article.verified': 'publishing', 'article.unverified': 'publishing', 'article.approval-set': 'publishing',
  'verdict.blind': 'verdicts', 'double.resolved': 'verdicts', 'article.double-check-set': 'publishing',
  'claim.assigned': 'assignment', 'article.assigned': 'assignment',
};
// New event types fall into a kind by their prefix ("claim.split" is a claim event) until listed.
const KIND_OF_PREFIX: Record<string, HistoryKind> = { claim: 'claims', source: 'sources', relation: 'links', account: 'accounts', verdict: 'verdicts', comment: 'comments' };

export function eventKind(type: string): HistoryKind {
  return KIND_OF_TYPE[type] ?? KIND_OF_PREFIX[type.split('.')[0] ?? ''] ?? 'other';
}

/** One line of the history: a single event, or a run of repeated ones read as one. */
export type HistoryEntry = {
  key: string;
  type: string;
  actor: string | null;
  actorName: string | null;
  target: EventDto['target'];
  /** The latest event's time, and the first one's for a group. */
  at: string;
  firstAt: string;
  /** How many events the line stands for. */
  count: number;
  /** "True → False", "draft 2: 4 kept, …"; for a group, the formats exported. */
  detail: string;
};

const GROUPED = new Set(['article.exported']);
export const GROUP_WINDOW_MS = 30 * 60_000;

/**
 * Folds runs of the same repeated event (an editor trying every export format) into one entry:
 * same type, same person, nothing else in between, each within GROUP_WINDOW_MS of the previous.
 * Input oldest first, as the data layer returns it; output oldest first. Entries carry only what
 * the page shows (no before/after payloads), so the browser receives little.
 */
export function groupEvents(events: EventDto[], windowMs = GROUP_WINDOW_MS): HistoryEntry[] {
  const runs: Array<{ first: EventDto; last: EventDto; events: EventDto[] }> = [];
  for (const e of events) {
    const run = runs[runs.length - 1];
    if (run && GROUPED.has(e.type) && run.last.type === e.type && run.last.actor === e.actor && run.last.target.id === e.target.id
      && Date.parse(e.at) - Date.parse(run.last.at) <= windowMs) {
      run.events.push(e);
      run.last = e;
      continue;
    }
    runs.push({ first: e, last: e, events: [e] });
  }
  return runs.map(({ first, last, events: group }) => ({
    key: first.id, type: first.type, actor: first.actor, actorName: first.actorName, target: first.target,
    at: last.at, firstAt: first.at, count: group.length, detail: detailOf(group),
  }));
}

function detailOf(group: EventDto[]): string {
  if (group.length === 1) return summariseEvent(group[0]!);
  return [...new Set(group.map((e) => exportFormatLabel((e.after as Record<string, unknown> | null)?.format)))].join(', ');
}
