'use client';
// What a reviewer has typed into a claim's dialog and not saved yet. Kept in memory for the
// form and in localStorage per claim, so a closed tab, a reload or a crash does not lose it; offered
// back (never applied silently) the next time the claim is opened. See decision 015.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReviewClaim } from './view-model';

export type DraftFields = {
  rating: string; explanation: string; correction: string;
  sourceUrl: string; sourceTitle: string; sourceQuote: string; sourceStance: string;
  dismissReason: string;
};
export type DraftField = keyof DraftFields;
export type DraftEdits = Partial<DraftFields>;

export const VERDICT_FIELDS: DraftField[] = ['rating', 'explanation', 'correction'];
export const SOURCE_FIELDS: DraftField[] = ['sourceUrl', 'sourceTitle', 'sourceQuote', 'sourceStance'];
export const DISMISS_FIELDS: DraftField[] = ['dismissReason'];

export const FIELD_LABELS: Record<DraftField, string> = {
  rating: 'Rating', explanation: 'Explanation', correction: 'Correction',
  sourceUrl: 'Source URL', sourceTitle: 'Source title', sourceQuote: 'Quoted passage', sourceStance: 'Stance',
  dismissReason: 'Reason for dismissing',
};

export const DRAFT_KEY_PREFIX = 'factdesk:draft:';
const keyOf = (claimId: string) => `${DRAFT_KEY_PREFIX}${claimId}`;

type Stored = { edits: DraftEdits; savedAt: string };

/** What the dialog shows before anything is typed: the current verdict ("Change the verdict" starts from it). */
export function draftBaseline(claim: Pick<ReviewClaim, 'verdict'>): DraftFields {
  const v = claim.verdict;
  return {
    rating: v?.rating ?? '',
    explanation: v?.explanation ?? '',
    // A rejected correction is the editor's "no": offering it again would re-propose it by accident.
    correction: v?.correctionStatus === 'rejected' ? '' : v?.correction ?? '',
    sourceUrl: '', sourceTitle: '', sourceQuote: '', sourceStance: 'supports',
    dismissReason: '',
  };
}

/** The fields that differ from the baseline. The stance alone is not typed work. */
export function changedFields(edits: DraftEdits, baseline: DraftFields): DraftField[] {
  return (Object.keys(edits) as DraftField[]).filter((k) => k !== 'sourceStance' && edits[k] !== undefined && edits[k] !== baseline[k]);
}

function readStored(claimId: string): Stored | null {
  if (typeof window === 'undefined') return null;
  const raw = window.localStorage.getItem(keyOf(claimId));
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Stored;
    return parsed && typeof parsed === 'object' && parsed.edits && typeof parsed.savedAt === 'string' ? parsed : null;
  } catch {
    // Not ours or corrupted: nothing worth offering.
    window.localStorage.removeItem(keyOf(claimId));
    return null;
  }
}

/** The claims this browser holds unsaved work for (the list marks them). */
export function listDraftClaimIds(): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < window.localStorage.length; i++) {
    const k = window.localStorage.key(i);
    if (k?.startsWith(DRAFT_KEY_PREFIX)) ids.add(k.slice(DRAFT_KEY_PREFIX.length));
  }
  return ids;
}

/** Removes every kept draft: on sign-out, so the next person at this browser does not see them. */
export function clearAllDrafts(): void {
  for (const id of listDraftClaimIds()) window.localStorage.removeItem(keyOf(id));
}

export function useClaimDraft(claim: ReviewClaim) {
  const baseline = useMemo(() => draftBaseline(claim), [claim]);
  const [edits, setEdits] = useState<DraftEdits>({});
  // Read once when the dialog opens; the dialog only ever renders in the browser.
  const [offer, setOffer] = useState<Stored | null>(() => {
    const stored = readStored(claim.id);
    return stored && changedFields(stored.edits, draftBaseline(claim)).length > 0 ? stored : null;
  });
  const [storageError, setStorageError] = useState<string | null>(null);

  const values: DraftFields = { ...baseline, ...edits };
  const changed = changedFields(edits, baseline);
  const isDirty = changed.length > 0;

  const write = useCallback((next: DraftEdits) => {
    try {
      if (changedFields(next, baseline).length === 0) window.localStorage.removeItem(keyOf(claim.id));
      else window.localStorage.setItem(keyOf(claim.id), JSON.stringify({ edits: next, savedAt: new Date().toISOString() } satisfies Stored));
      setStorageError(null);
    } catch (e) {
      setStorageError(`This browser would not keep a copy of your unsaved text (${e instanceof Error ? e.name : 'storage error'}). Save before you leave the page.`);
    }
  }, [baseline, claim.id]);

  // While an earlier draft is on offer, storage still holds it: it is replaced only once the
  // reviewer restores or discards it.
  useEffect(() => {
    if (!offer) write(edits);
  }, [edits, offer, write]);

  useEffect(() => {
    if (!isDirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [isDirty]);

  return {
    values,
    changed,
    isDirty,
    offer,
    storageError,
    set: (field: DraftField, value: string) => setEdits((e) => ({ ...e, [field]: value })),
    /** Forget the given fields' edits (after they were saved): they show the claim's own values again. */
    clear: (fields: DraftField[]) => setEdits((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k as DraftField)))),
    restore: () => {
      if (!offer) return;
      setEdits((e) => ({ ...offer.edits, ...e }));
      setOffer(null);
    },
    declineOffer: () => {
      setOffer(null);
      write(edits);
    },
    /** Keep what is typed for later, even while an earlier draft is still on offer. */
    keep: () => write(offer ? { ...offer.edits, ...edits } : edits),
    discard: () => {
      setEdits({});
      setOffer(null);
      write({});
    },
  };
}

export type ClaimDraft = ReturnType<typeof useClaimDraft>;
