'use client';
// The review screen: the article as a proof with claims marked in place, a side list in step with
// it, and the claim dialog. j/k move between claims, Enter opens one, Esc closes the dialog.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchesFilter, stateClass, stateLabel, stateSymbol, type ClaimFilter } from '@/lib/verdicts/display';
import { ClaimDialog } from './claim-dialog';
import { SelectionAddClaim } from './claim-editing';
import type { ReviewArticle } from './view-model';

type Filter = ClaimFilter | 'contradictions';
const FILTERS: Array<{ id: Filter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'reviewed', label: 'Reviewed' },
  { id: 'dismissed', label: 'Dismissed' },
  { id: 'stale', label: 'Changed' },
  { id: 'contradictions', label: 'Contradictions' },
];

export function ReviewWorkspace({ article }: { article: ReviewArticle }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [selectedId, setSelectedId] = useState<string | null>(article.claims[0]?.id ?? null);
  const [openId, setOpenId] = useState<string | null>(null);

  // Claims in a contradiction nobody has dismissed: flagged in the text and the list, and a filter.
  const contradicted = useMemo(() => {
    const out = new Map<string, number[]>();
    const ordinal = new Map(article.claims.map((c) => [c.id, c.ordinal]));
    for (const r of article.relations) {
      if (r.type !== 'contradicts' || r.status === 'dismissed') continue;
      out.set(r.a, [...(out.get(r.a) ?? []), ordinal.get(r.b) ?? 0]);
      out.set(r.b, [...(out.get(r.b) ?? []), ordinal.get(r.a) ?? 0]);
    }
    return out;
  }, [article]);
  const inFilter = useCallback(
    (c: (typeof article.claims)[number], f: Filter) => (f === 'contradictions' ? contradicted.has(c.id) : matchesFilter(c, f)),
    [contradicted],
  );
  const visible = useMemo(() => article.claims.filter((c) => inFilter(c, filter)), [article.claims, filter, inFilter]);
  // Done means what the exports would publish as checked: rated or dismissed, never stale.
  const done = article.claims.filter((c) => c.publicState.kind === 'rated' || c.publicState.kind === 'dismissed').length;
  const total = article.claims.length;

  // Text segments: plain runs between claim spans (spans never overlap: extraction keeps them apart).
  const segments = useMemo(() => {
    const out: Array<{ text: string; claim?: (typeof article.claims)[number] }> = [];
    let pos = 0;
    for (const c of [...article.claims].sort((a, b) => a.start - b.start)) {
      if (c.start < pos) continue;
      if (c.start > pos) out.push({ text: article.text.slice(pos, c.start) });
      out.push({ text: article.text.slice(c.start, c.end), claim: c });
      pos = c.end;
    }
    if (pos < article.text.length) out.push({ text: article.text.slice(pos) });
    return out;
  }, [article]);

  const select = useCallback((id: string, scroll = true) => {
    setSelectedId(id);
    if (!scroll) return;
    document.getElementById(`mark-${id}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    document.getElementById(`item-${id}`)?.scrollIntoView({ block: 'nearest' });
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (openId || e.metaKey || e.ctrlKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (visible.length === 0) return;
      const i = Math.max(0, visible.findIndex((c) => c.id === selectedId));
      if (e.key === 'j') {
        e.preventDefault();
        select(visible[Math.min(visible.length - 1, selectedId ? i + 1 : 0)]!.id);
      } else if (e.key === 'k') {
        e.preventDefault();
        select(visible[Math.max(0, i - 1)]!.id);
      } else if (e.key === 'Enter' && selectedId && !(target && ['BUTTON', 'A'].includes(target.tagName))) {
        e.preventDefault();
        setOpenId(selectedId);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, selectedId, visible, select]);

  const openClaim = article.claims.find((c) => c.id === openId) ?? null;

  return (
    <div className="workspace">
      <div className="proof">
        <h1 className="article-title">{article.title}</h1>
        {article.byline ? <p className="byline">{article.byline}</p> : null}
        {total === 0 ? (
          <p className="empty">No checkable claims were found in this draft. Read it through: select the words of anything you would check and press Add claim (or the a key).</p>
        ) : null}
        <div className="article-text" data-testid="article-text">
          {segments.map((s, i) =>
            s.claim ? (
              <mark
                key={s.claim.id}
                id={`mark-${s.claim.id}`}
                className={`claim state-${stateClass(s.claim)}${s.claim.id === selectedId ? ' selected' : ''}${contradicted.has(s.claim.id) ? ' contradicted' : ''}`}
                data-status={stateLabel(s.claim)}
                title={`Claim ${s.claim.ordinal}: ${stateLabel(s.claim)}`}
                onClick={() => {
                  select(s.claim!.id, false);
                  setOpenId(s.claim!.id);
                }}
              >
                {s.text}
                <span className="claim-tag" aria-hidden="true">{stateSymbol(s.claim)}{contradicted.has(s.claim.id) ? ` ⚠${contradicted.get(s.claim.id)!.join(',')}` : ''}</span>
              </mark>
            ) : (
              <span key={`t${i}`}>{s.text}</span>
            ),
          )}
        </div>
        <SelectionAddClaim articleId={article.id} text={article.text} onAdded={(id) => { select(id, false); setOpenId(id); }} />
      </div>
      <aside className="side" aria-label="Claims">
        <div className="progress" aria-label={`${done} of ${total} claims reviewed or dismissed`}>
          <div className="progress-label"><strong>{done}</strong> of {total} reviewed</div>
          <progress max={Math.max(total, 1)} value={done} />
        </div>
        <div className="filters" role="tablist" aria-label="Filter claims">
          {FILTERS.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={filter === f.id} className={filter === f.id ? 'active' : ''} onClick={() => setFilter(f.id)}>
              {f.label} <span className="count">{article.claims.filter((c) => inFilter(c, f.id)).length}</span>
            </button>
          ))}
        </div>
        <p className="keys-hint"><kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close</p>
        {visible.length === 0 ? <p className="empty">No claims in this filter.</p> : null}
        <ol className="claim-list">
          {visible.map((c) => (
            <li key={c.id} id={`item-${c.id}`}>
              <button
                type="button"
                className={`claim-item state-${stateClass(c)}${c.id === selectedId ? ' selected' : ''}`}
                aria-current={c.id === selectedId ? 'true' : undefined}
                onClick={() => {
                  select(c.id);
                  setOpenId(c.id);
                }}
              >
                <span className="badge"><span aria-hidden="true">{stateSymbol(c)}</span> {stateLabel(c)}</span>
                <span className="claim-meta">#{c.ordinal} · {c.type}{c.flags.length ? ` · ${c.flags.join(', ')}` : ''}</span>
                {contradicted.has(c.id) ? <span className="contradiction-badge">⚠ contradicts #{contradicted.get(c.id)!.join(', #')}</span> : null}
                <span className="claim-quote">{c.end - c.start > 160 ? `${article.text.slice(c.start, c.start + 157)}…` : article.text.slice(c.start, c.end)}</span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
      {openClaim ? <ClaimDialog
          claim={openClaim}
          quote={article.text.slice(openClaim.start, openClaim.end)}
          relations={article.relations}
          claims={article.claims}
          text={article.text}
          onClose={() => setOpenId(null)}
          onOpenClaim={(id) => {
            select(id);
            setOpenId(id);
          }}
        /> : null}
    </div>
  );
}
