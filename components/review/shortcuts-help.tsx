'use client';
import { Dialog } from '@/components/ui/dialog';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onOpenChange={(o) => { if (!o) onClose(); }} title="Keyboard shortcuts" className="shortcuts">
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.keys.join('+')}>
            <dt>{s.keys.map((k) => <kbd key={k}>{k}</kbd>)}</dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">Shortcuts work when the cursor is not in a text box. Clicking a claim in the text or the list selects it in both.</p>
    </Dialog>
  );
}
