'use client';
// The article as a proof: each claim marked in place with its number, its state's symbol and word
// (title and screen-reader text), and its link badges. Spans never overlap: extraction keeps them apart.
import { memo, useMemo } from 'react';
import { STATE_LEGEND, stateClass, stateLabel, stateSymbol } from '@/lib/verdicts/display';
import type { LinkBadges } from '@/lib/claims/link-badges';
import type { ReviewArticle, ReviewClaim } from './view-model';

type Segment = { text: string; claim?: ReviewClaim };

function segmentsOf(article: ReviewArticle): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const c of [...article.claims].sort((a, b) => a.start - b.start)) {
    if (c.start < pos) continue;
    if (c.start > pos) out.push({ text: article.text.slice(pos, c.start) });
    out.push({ text: article.text.slice(c.start, c.end), claim: c });
    pos = c.end;
  }
  if (pos < article.text.length) out.push({ text: article.text.slice(pos) });
  return out;
}

export function StateLegend() {
  return (
    <ul className="legend" aria-label="Key to the marks">
      {STATE_LEGEND.map((s) => (
        <li key={s.css} className={`state-${s.css}`}><span className="legend-symbol" aria-hidden="true">{s.symbol}</span> {s.label}</li>
      ))}
    </ul>
  );
}

/**
 * One claim in the text. Memoised with the list's items: moving the selection re-renders the two
 * claims that changed, not every claim (at 369 claims j took 160-200 ms when everything re-rendered).
 */
const ClaimMark = memo(function ClaimMark({ claim: c, text, selected, contradicts, duplicates, onClaimClick }: {
  claim: ReviewClaim; text: string; selected: boolean; contradicts?: number[]; duplicates?: number[]; onClaimClick: (id: string) => void;
}) {
  return (
    <mark
      id={`mark-${c.id}`}
      tabIndex={-1}
      className={`claim state-${stateClass(c)}${selected ? ' selected' : ''}${contradicts ? ' contradicted' : ''}${duplicates ? ' duplicated' : ''}`}
      data-status={stateLabel(c)}
      data-ordinal={c.ordinal}
      title={`Claim ${c.ordinal}: ${stateLabel(c)}`}
      onClick={() => onClaimClick(c.id)}
    >
      {text}
      {/* data-annotation: not article text; selections count offsets without it (claim-editing.tsx). */}
      <span className="claim-tag" data-annotation="">
        <span className="sr-only"> (claim </span>
        <span className="claim-no">{c.ordinal}</span>
        <span aria-hidden="true"> {stateSymbol(c)}</span>
        <span className="sr-only">: {stateLabel(c)})</span>
        {contradicts ? <span className="tag-contradicts"> ⚠<span className="sr-only">contradicts claim</span>{contradicts.join(',')}</span> : null}
        {duplicates ? <span className="tag-duplicates"> =<span className="sr-only">same fact as claim</span>{duplicates.join(',')}</span> : null}
      </span>
    </mark>
  );
});

export function ArticleText({ article, selectedId, badges, onClaimClick }: {
  article: ReviewArticle; selectedId: string | null; badges: LinkBadges; onClaimClick: (id: string) => void;
}) {
  const segments = useMemo(() => segmentsOf(article), [article]);
  return (
    <div className="article-text" data-testid="article-text">
      {segments.map((s, i) => (s.claim ? (
        <ClaimMark
          key={s.claim.id}
          claim={s.claim}
          text={s.text}
          selected={s.claim.id === selectedId}
          contradicts={badges.contradicts.get(s.claim.id)}
          duplicates={badges.duplicates.get(s.claim.id)}
          onClaimClick={onClaimClick}
        />
      ) : <span key={`t${i}`}>{s.text}</span>))}
    </div>
  );
}
