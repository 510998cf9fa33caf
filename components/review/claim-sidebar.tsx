'use client';
// The side list: progress (what "reviewed" counts, in the same numbers as the filters), filters by
// state and by links, and the claims. On a phone it is a drawer over the text (globals.css).
import { memo } from 'react';
import { stateClass, stateLabel, stateSymbol, type StateCounts } from '@/lib/verdicts/display';
import type { LinkBadges } from '@/lib/claims/link-badges';
import type { ReviewArticle, ReviewClaim } from './view-model';

export type ListFilter = 'all' | 'open' | 'awaiting' | 'rated' | 'dismissed' | 'stale' | 'duplicates' | 'contradictions';

export const LIST_FILTERS: Array<{ id: ListFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'awaiting', label: 'Awaiting approval' },
  { id: 'rated', label: 'Rated' },
  { id: 'dismissed', label: 'Not checkable' },
  { id: 'stale', label: 'Changed' },
  { id: 'duplicates', label: 'Duplicates' },
  { id: 'contradictions', label: 'Contradictions' },
];

export function ProgressSummary({ counts }: { counts: StateCounts }) {
  return (
    <div className="progress">
      <div className="progress-label" id="progress-label"><strong>{counts.reviewed}</strong> of {counts.total} reviewed</div>
      <progress max={Math.max(counts.total, 1)} value={counts.reviewed} aria-labelledby="progress-label" />
      <p className="progress-detail">
        Reviewed = rated ({counts.rated}) + not checkable ({counts.dismissed}). {counts.open} open{counts.awaiting ? `, ${counts.awaiting} awaiting approval` : ''}{counts.stale ? `, ${counts.stale} changed by a new draft` : ''}.
      </p>
    </div>
  );
}

export function ClaimSidebar({ article, visible, counts, filterCounts, filter, onFilter, selectedId, badges, drafts, drawerOpen, onItemClick, onItemFocus }: {
  article: ReviewArticle; visible: ReviewClaim[]; counts: StateCounts; filterCounts: Record<ListFilter, number>;
  filter: ListFilter; onFilter: (f: ListFilter) => void; selectedId: string | null; badges: LinkBadges;
  /** Claims with unsaved text kept in this browser. */
  drafts: Set<string>;
  drawerOpen: boolean; onItemClick: (id: string) => void; onItemFocus: (id: string) => void;
}) {
  return (
    <aside className={`side${drawerOpen ? ' open' : ''}`} id="claim-drawer" aria-label="Claims">
      <ProgressSummary counts={counts} />
      <div className="filters" role="tablist" aria-label="Filter claims">
        {LIST_FILTERS.map((f) => (
          <button key={f.id} type="button" role="tab" aria-selected={filter === f.id} className={filter === f.id ? 'active' : ''} onClick={() => onFilter(f.id)}>
            {f.label} <span className="count">{filterCounts[f.id]}</span>
          </button>
        ))}
      </div>
      <p className="keys-hint"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · <kbd>?</kbd> all keys</p>
      {visible.length === 0 ? <p className="empty">No claims in this filter.</p> : null}
      <ol className="claim-list">
        {visible.map((c) => (
          <ClaimListItem
            key={c.id}
            claim={c}
            quote={c.end - c.start > 160 ? `${article.text.slice(c.start, c.start + 157)}…` : article.text.slice(c.start, c.end)}
            selected={c.id === selectedId}
            contradicts={badges.contradicts.get(c.id)}
            duplicates={badges.duplicates.get(c.id)}
            hasDraft={drafts.has(c.id)}
            onItemClick={onItemClick}
            onItemFocus={onItemFocus}
          />
        ))}
      </ol>
    </aside>
  );
}

/** Memoised like the marks in the text: a selection change re-renders two items, not the list. */
const ClaimListItem = memo(function ClaimListItem({ claim: c, quote, selected, contradicts, duplicates, hasDraft, onItemClick, onItemFocus }: {
  claim: ReviewClaim; quote: string; selected: boolean; contradicts?: number[]; duplicates?: number[]; hasDraft: boolean;
  onItemClick: (id: string) => void; onItemFocus: (id: string) => void;
}) {
  return (
    <li id={`item-${c.id}`}>
      <button
        type="button"
        className={`claim-item state-${stateClass(c)}${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onItemClick(c.id)}
        onFocus={() => onItemFocus(c.id)}
      >
        <span className="badge"><span className="state-symbol" aria-hidden="true">{stateSymbol(c)}</span> {stateLabel(c)}</span>
        <span className="claim-meta">#{c.ordinal} · {c.type}{c.flags.length ? ` · ${c.flags.join(', ')}` : ''}</span>
        {contradicts || duplicates || hasDraft ? (
          <span className="item-badges">
            {contradicts ? <span className="contradiction-badge">⚠ contradicts #{contradicts.join(', #')}</span> : null}
            {duplicates ? <span className="duplicate-badge">= same fact as #{duplicates.join(', #')}</span> : null}
            {hasDraft ? <span className="draft-badge">✎ unsaved text</span> : null}
          </span>
        ) : null}
        <span className="claim-quote">{quote}</span>
      </button>
    </li>
  );
});
