'use client';
// The article as a proof: each claim marked in place with its number, its state's symbol and word
// (title and screen-reader text), and its link badges. Spans never overlap: extraction keeps them apart.
// The selected claim has drag handles on its start and end (claim-editing.tsx).
import { memo, useMemo } from 'react';
import type { Edge, Span } from '@/lib/claims/words';
import { stateClass, stateLabel, stateLegend, stateSymbol } from '@/lib/verdicts/display';
import type { ScaleEntry } from '@/lib/verdicts/scale';
import type { LinkBadges } from '@/lib/claims/link-badges';
import { SpanDragError, SpanHandle, useSpanDrag } from './claim-editing';
import type { ReviewArticle, ReviewClaim } from './view-model';

type Segment = { text: string; claim?: ReviewClaim };

/** The text cut at the claims; a claim being dragged is cut at its dragged span. */
function segmentsOf(article: ReviewArticle, draft: { id: string; span: Span } | null): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  const claims = article.claims.map((c) => (draft && c.id === draft.id ? { ...c, ...draft.span } : c));
  for (const c of claims.sort((a, b) => a.start - b.start)) {
    if (c.start < pos) continue;
    if (c.start > pos) out.push({ text: article.text.slice(pos, c.start) });
    out.push({ text: article.text.slice(c.start, c.end), claim: c });
    pos = c.end;
  }
  if (pos < article.text.length) out.push({ text: article.text.slice(pos) });
  return out;
}

export function StateLegend({ scale }: { scale?: ScaleEntry[] }) {
  const legend = useMemo(() => stateLegend(scale), [scale]);
  return (
    <ul className="legend" aria-label="Key to the marks">
      {legend.map((s) => (
        <li key={s.css} className={`state-${s.css}`}><span className="legend-symbol" aria-hidden="true">{s.symbol}</span> {s.label}</li>
      ))}
    </ul>
  );
}

/**
 * One claim in the text. Memoised with the list's items: moving the selection re-renders the two
 * claims that changed, not every claim (at 369 claims j took 160-200 ms when everything re-rendered).
 */
const ClaimMark = memo(function ClaimMark({ claim: c, text, selected, contradicts, duplicates, onClaimClick, onHandleDown }: {
  claim: ReviewClaim; text: string; selected: boolean; contradicts?: number[]; duplicates?: number[]; onClaimClick: (id: string) => void;
  onHandleDown: (claimId: string, edge: Edge, e: React.PointerEvent) => void;
}) {
  const onDown = (edge: Edge, e: React.PointerEvent) => onHandleDown(c.id, edge, e);
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
      {selected ? <SpanHandle edge="start" onDown={onDown} /> : null}
      {text}
      {selected ? <SpanHandle edge="end" onDown={onDown} /> : null}
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
  const drag = useSpanDrag(article.text, article.claims);
  const segments = useMemo(() => segmentsOf(article, drag.draft), [article, drag.draft]);
  return (
    <>
    <SpanDragError drag={drag} />
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
          onHandleDown={drag.onHandleDown}
        />
      ) : <span key={`t${i}`}>{s.text}</span>))}
    </div>
    </>
  );
}
