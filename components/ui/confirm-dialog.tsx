'use client';
// A question that must be answered before going on (Radix AlertDialog: focus starts on the safe
// choice, Esc and the backdrop mean "cancel", nothing behind it can be clicked). Nested inside a
// Radix Dialog it closes alone: Esc answers this question, not the dialog underneath.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

export type ConfirmChoice = { label: string; onChoose: () => void; tone?: 'primary' | 'danger' };

export function ConfirmDialog({
  open, title, children, cancelLabel, onCancel, choices,
}: { open: boolean; title: string; children: ReactNode; cancelLabel: string; onCancel: () => void; choices: ConfirmChoice[] }) {
  // Opened without a trigger button, Radix has nowhere to return focus; the person was typing
  // somewhere, and "cancel" must put them back there. Layout effects run before Radix moves focus.
  const returnTo = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  return (
    <AlertDialog.Root open={open} onOpenChange={(o) => { if (!o) onCancel(); }}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay confirm-overlay" />
        <AlertDialog.Content
          className="dialog-content confirm-content"
          onCloseAutoFocus={(e) => {
            if (returnTo.current?.isConnected) {
              e.preventDefault();
              returnTo.current.focus();
            }
          }}
        >
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild><div className="dialog-description">{children}</div></AlertDialog.Description>
          <div className="confirm-actions">
            <AlertDialog.Cancel className="primary">{cancelLabel}</AlertDialog.Cancel>
            {choices.map((c) => (
              <AlertDialog.Action key={c.label} className={c.tone === 'danger' ? 'danger' : undefined} onClick={c.onChoose}>{c.label}</AlertDialog.Action>
            ))}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
