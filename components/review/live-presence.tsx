'use client';
// "Ana is viewing": who else has this article open, on any app instance (decision 022).
import { viewingLine } from '@/lib/realtime/presence-line';
import { useLiveUpdates } from './use-live-updates';
import styles from './live-presence.module.css';

export function LivePresence({ articleId }: { articleId: string }) {
  const { viewers } = useLiveUpdates(articleId);
  return (
    <p className={styles.presence} role="status" aria-live="polite" data-testid="live-presence">
      {viewingLine(viewers)}
    </p>
  );
}
