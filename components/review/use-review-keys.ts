'use client';
// The review screen's keys, acting on the one selection: j/k move it, Enter opens it, ? shows the
// shortcuts. Off while a dialog is open (the dialog owns Esc) and while typing in a field.
import { useEffect } from 'react';

export type ReviewKeys = {
  active: boolean;
  onStep: (step: 1 | -1) => void;
  onOpen: () => void;
  onHelp: () => void;
  /** More single-key shortcuts (list them in shortcuts.ts too). */
  extraKeys?: Record<string, () => void>;
};

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useReviewKeys({ active, onStep, onOpen, onHelp, extraKeys }: ReviewKeys) {
  useEffect(() => {
    if (!active) return;
    function onKey(e: KeyboardEvent) {
      if (e.metaKey || e.ctrlKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
      const target = e.target as HTMLElement | null;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        onStep(e.key === 'j' ? 1 : -1);
      } else if (e.key === '?') {
        e.preventDefault();
        onHelp();
      } else if (e.key === 'Enter') {
        // A focused button or link does its own thing on Enter; focus follows the selection, so a
        // focused claim in the list is the selected one.
        if (target && target.closest('button, a, summary')) return;
        e.preventDefault();
        onOpen();
      } else if (extraKeys?.[e.key]) {
        e.preventDefault();
        extraKeys[e.key]!();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, onStep, onOpen, onHelp, extraKeys]);
}
