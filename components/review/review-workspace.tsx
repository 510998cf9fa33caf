'use client';
// The review screen: the article as a proof with claims marked in place, a side list in step with
// it, and the claim dialog. One selection: the text, the list and the dialog always show the same
// claim; j/k move it (and focus with it), Enter opens it, focus comes back to it when the dialog
// closes, and ? lists the keys.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { countStates, matchesFilter } from '@/lib/verdicts/display';
import { linkBadges } from '@/lib/claims/link-badges';
import { stepSelection } from '@/lib/claims/navigation';
import { ArticleText, StateLegend } from './article-proof';
import { ClaimDialog } from './claim-dialog';
import type { DeskContext } from './claim-assignment';
import { SelectionAddClaim } from './claim-editing';
import { ClaimSidebar, LIST_FILTERS, type ListFilter } from './claim-sidebar';
import { LivePresence } from './live-presence';
import { ShortcutsHelp } from './shortcuts-help';
import { listDraftClaimIds } from './use-claim-draft';
import { useReviewKeys } from './use-review-keys';
import type { ReviewArticle, ReviewClaim } from './view-model';

/** Where a selection came from: that side is already in view, the other one scrolls to it. */
type SelectFrom = 'text' | 'list' | 'keys' | 'dialog';

const smooth = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/** The claim's button in the list when it is shown (not filtered out, not in a closed drawer). */
function listItem(id: string): HTMLElement | null {
  const el = document.getElementById(`item-${id}`)?.querySelector('button') ?? null;
  return el && el.getClientRects().length > 0 ? el : null;
}

export function ReviewWorkspace({ article, desk, initialClaim, canApprove = false }: {
  article: ReviewArticle;
  desk?: DeskContext;
  /** A claim to open at once (a link from My queue or the dashboard). */
  initialClaim?: string;
  canApprove?: boolean;
}) {
  const linked = initialClaim && article.claims.some((c) => c.id === initialClaim) ? initialClaim : null;
  const [filter, setFilter] = useState<ListFilter>('all');
  const [selectedId, setSelectedId] = useState<string | null>(linked ?? article.claims[0]?.id ?? null);
  const [openId, setOpenId] = useState<string | null>(linked);
  const [helpOpen, setHelpOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drafts, setDrafts] = useState<Set<string>>(() => new Set());
  // Event handlers read the latest values without re-subscribing on every change.
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const openRef = useRef(openId);
  openRef.current = openId;

  const badges = useMemo(() => linkBadges(article.claims, article.relations), [article]);
  const inFilter = useCallback((c: ReviewClaim, f: ListFilter) => {
    if (f === 'contradictions') return badges.contradicts.has(c.id);
    if (f === 'duplicates') return badges.duplicates.has(c.id);
    return matchesFilter(c, f);
  }, [badges]);
  const visible = useMemo(() => article.claims.filter((c) => inFilter(c, filter)), [article.claims, filter, inFilter]);
  const counts = useMemo(() => countStates(article.claims), [article.claims]);
  const filterCounts = useMemo(
    () => Object.fromEntries(LIST_FILTERS.map((f) => [f.id, article.claims.filter((c) => inFilter(c, f.id)).length])) as Record<ListFilter, number>,
    [article.claims, inFilter],
  );

  // Which claims hold unsaved text in this browser: read after mounting (the server cannot know)
  // and again whenever a dialog closes.
  useEffect(() => {
    if (openId === null) setDrafts(listDraftClaimIds());
  }, [openId]);

  const select = useCallback((id: string, from: SelectFrom) => {
    if (id === selectedRef.current && from === 'list') return;
    setSelectedId(id);
    selectedRef.current = id;
    if (from !== 'text') document.getElementById(`mark-${id}`)?.scrollIntoView({ block: 'center', behavior: smooth() });
    if (from !== 'list') listItem(id)?.scrollIntoView({ block: 'nearest' });
  }, []);

  /** Focus follows the selection, so Enter on the focused claim always opens the selected one. */
  const focusClaim = useCallback((id: string) => {
    const target = listItem(id) ?? document.getElementById(`mark-${id}`);
    target?.focus({ preventScroll: true });
  }, []);

  const open = useCallback((id: string, from: SelectFrom) => {
    select(id, from);
    setOpenId(id);
  }, [select]);

  const onStep = useCallback((step: 1 | -1) => {
    const current = article.claims.find((c) => c.id === selectedRef.current) ?? null;
    const next = stepSelection(visible, current, step);
    if (!next) return;
    select(next, 'keys');
    focusClaim(next);
  }, [article.claims, visible, select, focusClaim]);
  const onOpen = useCallback(() => { if (selectedRef.current) setOpenId(selectedRef.current); }, []);
  const onHelp = useCallback(() => setHelpOpen(true), []);
  useReviewKeys({ active: openId === null && !helpOpen, onStep, onOpen, onHelp });

  const onClaimClick = useCallback((id: string) => open(id, 'text'), [open]);
  const onItemClick = useCallback((id: string) => {
    // On a phone the drawer gives way, so the claim is in view in the text when the dialog closes.
    setDrawerOpen(false);
    open(id, 'list');
  }, [open]);
  const onItemFocus = useCallback((id: string) => select(id, 'list'), [select]);
  const onCloseAutoFocus = useCallback((e: Event) => {
    e.preventDefault();
    // Another claim's dialog may have replaced this one (a link between claims): focus stays in it.
    if (openRef.current === null && selectedRef.current) focusClaim(selectedRef.current);
  }, [focusClaim]);

  const openClaim = article.claims.find((c) => c.id === openId) ?? null;

  return (
    <div className="workspace">
      <div className="proof">
        <h1 className="article-title">{article.title}</h1>
        {article.byline ? <p className="byline">{article.byline}</p> : null}
        <LivePresence articleId={article.id} />
        <StateLegend scale={article.scale} />
        {article.claims.length === 0 ? (
          <p className="empty">No checkable claims were found in this draft. Read it through: select the words of anything you would check and press Add claim (or the a key).</p>
        ) : null}
        <ArticleText article={article} selectedId={selectedId} badges={badges} onClaimClick={onClaimClick} />
        <SelectionAddClaim articleId={article.id} text={article.text} onAdded={(id) => open(id, 'text')} />
      </div>
      <button type="button" className="drawer-toggle" aria-controls="claim-drawer" aria-expanded={drawerOpen} onClick={() => setDrawerOpen((o) => !o)}>
        {drawerOpen ? 'Hide the claim list' : `Claims: ${counts.reviewed}/${counts.total} reviewed`}
      </button>
      <ClaimSidebar
        article={article}
        visible={visible}
        counts={counts}
        filterCounts={filterCounts}
        filter={filter}
        onFilter={setFilter}
        selectedId={selectedId}
        badges={badges}
        drafts={drafts}
        drawerOpen={drawerOpen}
        onItemClick={onItemClick}
        onItemFocus={onItemFocus}
      />
      {openClaim ? (
        <ClaimDialog
          key={openClaim.id}
          canApprove={canApprove}
          claim={openClaim}
          quote={article.text.slice(openClaim.start, openClaim.end)}
          relations={article.relations}
          claims={article.claims}
          text={article.text}
          onClose={() => setOpenId(null)}
          onOpenClaim={(id) => open(id, 'dialog')}
          onCloseAutoFocus={onCloseAutoFocus}
          desk={desk}
          scale={article.scale}
        />
      ) : null}
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
