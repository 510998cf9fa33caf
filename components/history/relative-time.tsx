'use client';
// A moment as a person reads it: "3 min ago", the exact UTC time on hover (and for screen readers).
// The first render uses the server's clock so the hydrated text matches; then the browser's clock
// takes over and keeps it current.
import { useEffect, useState } from 'react';
import { formatExact, formatRelative } from '@/lib/history/time';

export function RelativeTime({ iso, now }: { iso: string; now?: number }) {
  const [clock, setClock] = useState(() => now ?? Date.now());
  useEffect(() => {
    setClock(Date.now());
    const timer = window.setInterval(() => setClock(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso, clock)}<span className="sr-only"> ({exact})</span>
    </time>
  );
}
