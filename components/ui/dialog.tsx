'use client';
// Thin styling layer over Radix Dialog: focus trap, Esc to close and aria wiring come from Radix.
// Every way of closing (Esc, the backdrop, ×) arrives as onOpenChange(false), so a caller that
// keeps `open` set can ask before closing.
import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';

export function Dialog({
  open, onOpenChange, title, description, children, onCloseAutoFocus, className,
}: {
  open: boolean; onOpenChange: (open: boolean) => void; title: string; description?: ReactNode; children: ReactNode;
  /** Where focus goes when the dialog closes; call event.preventDefault() to place it yourself. */
  onCloseAutoFocus?: (event: Event) => void;
  className?: string;
}) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        {/* Without a Description, Radix wants aria-describedby set to undefined explicitly. */}
        <RadixDialog.Content
          className={`dialog-content${className ? ` ${className}` : ''}`}
          onCloseAutoFocus={onCloseAutoFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description ? <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description> : null}
          {children}
          <RadixDialog.Close className="dialog-close" aria-label="Close">×</RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
