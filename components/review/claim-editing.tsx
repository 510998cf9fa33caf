'use client';
// Correcting the extraction by hand (issue 9): add a claim from a text selection (a floating button,
// or the `a` key), drag the selected claim's start or end handle in the text, and in the claim dialog
// move its start or end by a word, split it, merge it with a neighbour, or mark it "not a claim". The
// server checks and records each (lib/db/claim-edits.ts).
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { callApi } from '@/components/ui/api-client';
import { FormError } from '@/components/ui/field';
import { dragEdge, moveEdge, overlaps, snapToWords, trimSpan, type Direction, type Edge, type Span } from '@/lib/claims/words';
import type { ReviewClaim } from './view-model';
import { ConflictPanel, conflictOf, useConflict, type Conflict, type MineInput } from './conflict-panel';
import styles from './claim-editing.module.css';

const ARTICLE_TEXT = '[data-testid="article-text"]';

/**
 * The selection's offsets in the article text. The marked-up text also holds state symbols and
 * numbers that are not part of the article (aria-hidden, or inside a [data-annotation] tag with
 * words for screen readers); they are left out of the count.
 */
function selectionSpan(container: Element, range: Range): Span | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = articleOffset(container, range.startContainer, range.startOffset);
  const end = articleOffset(container, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** The article-text offset of a DOM position inside the marked-up text. */
function articleOffset(container: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(node, offset);
  const copy = before.cloneContents();
  copy.querySelectorAll('[aria-hidden="true"], [data-annotation]').forEach((el) => el.remove());
  return copy.textContent?.length ?? 0;
}

/** The article-text offset under a point, or null over a claim's tag or outside the text. */
function offsetAtPoint(container: Element, x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const caret = doc.caretPositionFromPoint?.(x, y);
  const range = caret ? null : document.caretRangeFromPoint?.(x, y);
  const node = caret?.offsetNode ?? range?.startContainer;
  const offset = caret?.offset ?? range?.startOffset;
  if (!node || offset === undefined || !container.contains(node)) return null;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (el?.closest('[aria-hidden="true"], [data-annotation]')) return null;
  return articleOffset(container, node, offset);
}

export type SpanDrag = {
  /** The span being dragged (or saved), shown in place of the claim's stored one. */
  draft: { id: string; span: Span } | null;
  onHandleDown: (claimId: string, edge: Edge, e: React.PointerEvent) => void;
  error: string | null;
  clearError: () => void;
  /** A drag saved on a stale page: the colleague's claim beside the dragged span (kept on screen). */
  conflict: Conflict | null;
  closeConflict: () => void;
  busy: boolean;
};

/**
 * Pointer-drag of a claim's start or end handle in the article text. The edge follows the pointer
 * word by word, never into a neighbouring claim; letting go saves it as a resize (PATCH, with the
 * claim's version) and history records it like the dialog's buttons do.
 */
export function useSpanDrag(text: string, claims: ReviewClaim[]): SpanDrag {
  const router = useRouter();
  const [draft, setDraft] = useState<SpanDrag['draft']>(null);
  const [saving, setSaving] = useState<Span | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claimsRef = useRef(claims);
  claimsRef.current = claims;
  // The same panel as the dialog's boundary buttons (decision 019): the dragged span stays shown
  // until the person keeps it or takes theirs.
  const { conflict, setConflict, onStale } = useConflict(() => router.refresh());
  const dropDraft = useCallback(() => { setDraft(null); setSaving(null); }, []);

  /** Saves a dragged span with the version the person saw; a stale one opens the panel. */
  const save = useCallback(async (claimId: string, span: Span, version: number, text: string): Promise<boolean> => {
    setBusy(true);
    setConflict(null);
    const res = await callApi(`/api/claims/${claimId}`, { method: 'PATCH', body: JSON.stringify({ ...span, version }) });
    setBusy(false);
    const mine: MineInput = { action: 'Drag the claim boundary', values: {}, summary: `The claim becomes “${text.slice(span.start, span.end)}”.` };
    if (!onStale(res, mine, (v) => save(claimId, span, v, text), dropDraft)) {
      if (!conflictOf(res.ok ? undefined : res.error)) {
        if (!res.ok) setError(res.message);
        dropDraft();
      }
      return false;
    }
    setSaving(span);
    router.refresh();
    return true;
  }, [dropDraft, onStale, router, setConflict]);

  // The refreshed article has the saved span: the preview can go.
  useEffect(() => {
    if (!draft || !saving) return;
    const stored = claims.find((c) => c.id === draft.id);
    if (!stored || (stored.start === saving.start && stored.end === saving.end)) {
      setDraft(null);
      setSaving(null);
    }
  }, [claims, draft, saving]);

  const onHandleDown = useCallback((claimId: string, edge: Edge, e: React.PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const container = document.querySelector(ARTICLE_TEXT);
    const ordered = [...claimsRef.current].sort((a, b) => a.start - b.start);
    const i = ordered.findIndex((c) => c.id === claimId);
    const claim = ordered[i];
    if (!container || !claim) return;
    const bounds = { start: ordered[i - 1]?.end ?? 0, end: ordered[i + 1]?.start ?? text.length };
    let span: Span = { start: claim.start, end: claim.end };
    let frame = 0;
    setError(null);
    setConflict(null);
    setDraft({ id: claimId, span });
    const onMove = (ev: PointerEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const offset = offsetAtPoint(container, ev.clientX, ev.clientY);
        const next = offset === null ? null : dragEdge(text, span, edge, offset, bounds);
        if (next && (next.start !== span.start || next.end !== span.end)) {
          span = next;
          setDraft({ id: claimId, span });
        }
      });
    };
    const onUp = async () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onUp);
      // The click that ends a drag lands on the claim (or the text), which would open the dialog.
      const swallow = (ev: MouseEvent) => ev.stopPropagation();
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
      if (span.start === claim.start && span.end === claim.end) {
        setDraft(null);
        return;
      }
      setSaving(span);
      await save(claimId, span, claim.version, text);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onUp);
  }, [save, setConflict, text]);

  const clearError = useCallback(() => setError(null), []);
  const closeConflict = useCallback(() => setConflict(null), [setConflict]);
  return { draft, onHandleDown, error, clearError, conflict, closeConflict, busy };
}

/** A drag handle at a claim's start or end: pointer only (the dialog's buttons and arrow keys are the keyboard path). */
export function SpanHandle({ edge, onDown }: { edge: Edge; onDown: (edge: Edge, e: React.PointerEvent) => void }) {
  return (
    <span
      className={`${styles.handle} ${edge === 'start' ? styles.handleStart : styles.handleEnd}`}
      data-annotation=""
      aria-hidden="true"
      data-testid={`drag-${edge}`}
      title={edge === 'start' ? 'Drag to move where the claim starts' : 'Drag to move where the claim ends'}
      onPointerDown={(e) => onDown(edge, e)}
      // A click on the handle is not a click on the claim (which would open it).
      onClick={(e) => e.stopPropagation()}
    />
  );
}

/** Why a dragged edge was not saved (an overlap), until dismissed; or, on a stale page, the conflict panel. */
export function SpanDragError({ drag }: { drag: SpanDrag }) {
  if (drag.conflict) {
    return (
      <div className={styles.floating} data-testid="drag-conflict">
        <ConflictPanel conflict={drag.conflict} busy={drag.busy} onDone={drag.closeConflict} />
      </div>
    );
  }
  if (!drag.error) return null;
  return (
    <div className={styles.floating} data-testid="drag-error">
      <div className={styles.error}>
        <FormError message={drag.error} />
        <button type="button" className="link" onClick={drag.clearError}>Close</button>
      </div>
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)));
}

/** Just below the selection, kept inside the window. */
const position = (rect: DOMRect) => ({
  top: Math.max(8, Math.min(rect.bottom + 6, window.innerHeight - 48)),
  left: Math.max(8, Math.min(rect.left, window.innerWidth - 220)),
});

/** The floating "Add claim" button over a selection in the article, and the `a` key that does the same. */
export function SelectionAddClaim({ articleId, text, onAdded }: { articleId: string; text: string; onAdded: (id: string) => void }) {
  const router = useRouter();
  const [pending, setPending] = useState<{ span: Span; top: number; left: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useCallback(() => {
    const container = document.querySelector(ARTICLE_TEXT);
    const selection = window.getSelection();
    if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const raw = selectionSpan(container, range);
    if (!raw) return null;
    const span = snapToWords(text, raw);
    if (span.start === span.end) return null;
    return { span, ...position(range.getBoundingClientRect()) };
  }, [text]);

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = read();
        setPending(next);
        if (next) setError(null);
      });
    };
    // Scrolling only moves the button: counting offsets clones the text before the selection.
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const selection = window.getSelection();
        if (!selection || selection.rangeCount === 0) return;
        const rect = selection.getRangeAt(0).getBoundingClientRect();
        setPending((p) => (p ? { ...p, ...position(rect) } : p));
      });
    };
    document.addEventListener('selectionchange', onChange);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', onChange);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [read]);

  const add = useCallback(async (span: Span) => {
    setBusy(true);
    setError(null);
    const res = await callApi<{ id: string }>(`/api/articles/${articleId}/claims`, { method: 'POST', body: JSON.stringify(span) });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    window.getSelection()?.removeAllRanges();
    setPending(null);
    router.refresh();
    onAdded(res.data.id);
  }, [articleId, onAdded, router]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== 'a' || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      const now = read();
      if (now) void add(now.span);
      else setError('Select the words of the claim in the article first, then press a (or the Add claim button).');
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [add, read]);

  if (!pending && !error) return null;
  return (
    <div className={styles.floating} style={pending ? { top: pending.top, left: pending.left } : undefined} data-testid="add-claim">
      {pending ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          // Keep the selection: a mouse press on a button would otherwise clear it before the click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void add(pending.span)}
          aria-keyshortcuts="a"
        >
          Add claim <kbd>a</kbd>
        </button>
      ) : null}
      {error ? (
        <div className={styles.error}>
          <FormError message={error} />
          <button type="button" className="link" onClick={() => setError(null)}>Close</button>
        </div>
      ) : null}
    </div>
  );
}

type Props = { claim: ReviewClaim; claims: ReviewClaim[]; text: string; onOpenClaim: (id: string) => void; onClose: () => void };

// Correcting is occasional, so the section starts folded (the dialog is long enough); once a reviewer
// opens it, it stays open for the next claims they open on this page.
let rememberOpen = false;

/** The claim dialog's "Correct the extraction" section. */
export function ClaimEditing({ claim, claims, text, onOpenClaim, onClose }: Props) {
  const router = useRouter();
  const [span, setSpan] = useState<Span>({ start: claim.start, end: claim.end });
  const [caret, setCaret] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(rememberOpen);
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  // A saved change comes back as new props: start again from the claim as stored.
  useEffect(() => {
    setSpan({ start: claim.start, end: claim.end });
    setCaret(null);
  }, [claim.start, claim.end]);

  const ordered = useMemo(() => [...claims].sort((a, b) => a.start - b.start), [claims]);
  const index = ordered.findIndex((c) => c.id === claim.id);
  const previous = index > 0 ? ordered[index - 1] : undefined;
  const next = index >= 0 ? ordered[index + 1] : undefined;
  const quote = text.slice(claim.start, claim.end);
  const changed = span.start !== claim.start || span.end !== claim.end;

  const { conflict, setConflict, onStale } = useConflict(() => router.refresh());

  /**
   * One edit with the version(s) the person saw. A stale one gets the conflict panel; "keep mine"
   * sends the same edit on top of the colleague's change (a merge: with the stale claim's new version).
   */
  async function send(url: string, method: string, body: Record<string, unknown>, done: string, mine: MineInput, after?: (data: unknown) => void): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNotice(null);
    setConflict(null);
    const res = await callApi(url, { method, body: JSON.stringify(body) });
    setBusy(false);
    const theirs = res.ok ? null : conflictOf(res.error);
    const staleId = theirs?.kind === 'claim' ? theirs.claim.id : claim.id;
    const retry = (v: number) => send(url, method, Array.isArray(body.ids)
      ? { ...body, versions: (body.versions as number[]).map((x, i) => ((body.ids as string[])[i] === staleId ? v : x)) }
      : { ...body, version: v }, done, mine, after);
    if (!onStale(res, mine, retry, () => setSpan({ start: claim.start, end: claim.end }))) {
      if (!theirs && !res.ok) setError(res.message);
      return false;
    }
    setNotice(done);
    router.refresh();
    after?.(res.data);
    return true;
  }

  /** The span one word further, or why not. */
  function step(edge: Edge, direction: Direction): { span: Span | null; why?: string } {
    const moved = moveEdge(text, span, edge, direction);
    if (!moved) return { span: null, why: direction < 0 && edge === 'end' ? 'The claim needs at least one word.' : 'No word there.' };
    const hit = ordered.find((c) => c.id !== claim.id && overlaps(moved, c));
    if (hit) return { span: null, why: `Claim ${hit.ordinal} starts there.` };
    return { span: moved };
  }

  function move(edge: Edge, direction: Direction) {
    const result = step(edge, direction);
    if (result.span) setSpan(result.span);
    else setNotice(null);
    setError(result.span ? null : result.why ?? null);
  }

  function onSpanKey(e: ReactKeyboardEvent) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    move(e.shiftKey ? 'start' : 'end', e.key === 'ArrowLeft' ? -1 : 1);
  }

  const splitAt = caret === null ? null : claim.start + caret;
  const parts = splitAt === null ? null : [trimSpan(text, { start: claim.start, end: splitAt }), trimSpan(text, { start: splitAt, end: claim.end })];
  const canSplit = Boolean(parts && parts.every((p) => p.end > p.start));
  const readCaret = () => setCaret(quoteRef.current ? quoteRef.current.selectionStart : null);

  const edgeButton = (edge: Edge, direction: Direction, label: string, arrow: string) => {
    const possible = step(edge, direction);
    return (
      <button type="button" disabled={busy || !possible.span} title={possible.why} onClick={() => move(edge, direction)}>
        <span aria-hidden="true">{arrow} </span>{label}
      </button>
    );
  };

  return (
    <section aria-labelledby={`edit-${claim.id}`} className={styles.editing}>
      <h3 id={`edit-${claim.id}`}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={`edit-body-${claim.id}`}
          onClick={() => { rememberOpen = !open; setOpen(!open); }}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'} </span>Correct the extraction
        </button>
      </h3>
      {open ? (
      <div id={`edit-body-${claim.id}`}>
      {conflict ? <ConflictPanel conflict={conflict} busy={busy} onDone={() => setConflict(null)} /> : <FormError message={error} />}
      {notice ? <p className="notice" role="status">{notice}</p> : null}

      <h4>Where the claim starts and ends</h4>
      <p
        className={styles.span}
        tabIndex={0}
        role="group"
        aria-label="Claim boundaries. Left and right arrows move the end by a word; with Shift they move the start."
        aria-describedby={`span-hint-${claim.id}`}
        onKeyDown={onSpanKey}
        data-testid="span-preview"
      >
        <span className={styles.context}>{text.slice(Math.max(0, span.start - 60), span.start)}</span>
        <mark className={styles.draft}>{text.slice(span.start, span.end)}</mark>
        <span className={styles.context}>{text.slice(span.end, span.end + 60)}</span>
      </p>
      <p className="hint" id={`span-hint-${claim.id}`}>Focus the text above and use ← → to move the end by a word, Shift+← → to move the start.</p>
      <div className={styles.buttons}>
        {edgeButton('start', -1, 'Start a word earlier', '⇤')}
        {edgeButton('start', 1, 'Start a word later', '→')}
        {edgeButton('end', -1, 'End a word earlier', '←')}
        {edgeButton('end', 1, 'End a word later', '⇥')}
      </div>
      <div className={styles.buttons}>
        <button
          type="button"
          className="primary"
          disabled={busy || !changed}
          onClick={() => void send(`/api/claims/${claim.id}`, 'PATCH', { ...span, version: claim.version }, 'Claim boundaries saved.', { action: 'Save boundaries', values: {}, summary: `The claim becomes “${text.slice(span.start, span.end)}”.` })}
        >
          Save boundaries
        </button>
        <button type="button" disabled={busy || !changed} onClick={() => setSpan({ start: claim.start, end: claim.end })}>Undo changes</button>
      </div>

      <h4>Split in two</h4>
      <label htmlFor={`split-${claim.id}`} className="hint">Click in the quote (or move the caret with the arrow keys) where the second claim should start.</label>
      <textarea
        id={`split-${claim.id}`}
        ref={quoteRef}
        className={styles.quote}
        readOnly
        rows={Math.min(6, Math.ceil(quote.length / 60) + 1)}
        value={quote}
        onSelect={readCaret}
        onKeyUp={readCaret}
        onClick={readCaret}
      />
      {parts && canSplit ? (
        <p className="hint" data-testid="split-preview">
          First: “{text.slice(parts[0]!.start, parts[0]!.end)}” · Second: “{text.slice(parts[1]!.start, parts[1]!.end)}”
        </p>
      ) : null}
      <button
        type="button"
        disabled={busy || !canSplit}
        onClick={() => void send(`/api/claims/${claim.id}/split`, 'POST', { at: splitAt, version: claim.version }, 'Claim split in two; the second part is the next claim.', { action: 'Split here', values: {}, summary: parts ? `Split into “${text.slice(parts[0]!.start, parts[0]!.end)}” and “${text.slice(parts[1]!.start, parts[1]!.end)}”.` : 'Split the claim.' })}
      >
        Split here
      </button>

      <h4>Merge with a neighbour</h4>
      <div className={styles.buttons}>
        <button
          type="button"
          disabled={busy || !previous}
          onClick={() => previous && void send('/api/claims/merge', 'POST', { ids: [previous.id, claim.id], versions: [previous.version, claim.version] }, 'Merged with the previous claim.', { action: 'Merge claims', values: {}, summary: `Merge with the previous claim (#${previous.ordinal}).` }, () => onOpenClaim(previous.id))}
        >
          Merge with previous claim{previous ? ` (#${previous.ordinal})` : ''}
        </button>
        <button
          type="button"
          disabled={busy || !next}
          onClick={() => next && void send('/api/claims/merge', 'POST', { ids: [claim.id, next.id], versions: [claim.version, next.version] }, 'Merged with the next claim.', { action: 'Merge claims', values: {}, summary: `Merge with the next claim (#${next.ordinal}).` })}
        >
          Merge with next claim{next ? ` (#${next.ordinal})` : ''}
        </button>
      </div>

      <h4>Not a claim at all?</h4>
      <p className="hint">For words that are no statement (a caption, page furniture, a dateline). They leave the claim list and the publish gate; the model learns from it. To undo, select the words and add them again. A claim that is real but cannot be checked is dismissed instead (below).</p>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => void send(`/api/claims/${claim.id}/not-a-claim`, 'POST', { version: claim.version }, 'Marked as not a claim.', { action: 'Not a claim', values: {}, summary: 'Mark these words as not a claim.' }, onClose)}
      >
        Not a claim
      </button>
      </div>
      ) : null}
    </section>
  );
}
