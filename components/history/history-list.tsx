'use client';
// The article's review history, newest first: names, one time format, repeated exports as one line
// (grouped on the server: lib/history/summary.ts), and filters by person and kind. React escapes
// every string shown here.
import { useMemo, useState } from 'react';
import { describeEvent } from '@/lib/history/events';
import { eventKind, HISTORY_KINDS, type HistoryEntry } from '@/lib/history/summary';
import { RelativeTime } from './relative-time';

const SYSTEM = 'system';

/** `entries` oldest first, as groupEvents returns them. */
export function HistoryList({ entries: all, ordinals, now }: { entries: HistoryEntry[]; ordinals: Record<string, number>; now: number }) {
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState('');
  const people = useMemo(() => [...new Set(all.map((e) => e.actorName ?? SYSTEM))].sort((a, b) => a.localeCompare(b)), [all]);
  const kinds = useMemo(() => HISTORY_KINDS.filter((k) => all.some((e) => eventKind(e.type) === k.id)), [all]);
  // Grouped before filtering: two runs of exports with a verdict between them stay two lines
  // even when the filter hides the verdict.
  const entries = useMemo(
    () => all.filter((e) => (!person || (e.actorName ?? SYSTEM) === person) && (!kind || eventKind(e.type) === kind)).reverse(),
    [all, person, kind],
  );

  if (all.length === 0) return <p className="empty">Nothing has happened yet.</p>;
  return (
    <>
      <div className="history-filters" role="group" aria-label="Filter the history">
        <label>
          Person{' '}
          <select value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">Everyone</option>
            {people.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">Everything</option>
            {kinds.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
          </select>
        </label>
      </div>
      {entries.length === 0 ? <p className="empty">Nothing matches these filters.</p> : null}
      <ol className="history" aria-label="History">
        {entries.map((e) => (
          <li key={e.key} data-event-type={e.type} data-count={e.count}>
            <RelativeTime iso={e.at} now={now} />{' '}
            <strong>{e.actorName ?? SYSTEM}</strong> {describeEvent(e.type)}
            {e.count > 1 ? ` ${e.count} times` : ''}
            {e.target.type === 'claim' && ordinals[e.target.id] !== undefined ? ` on claim ${ordinals[e.target.id]}` : ''}
            {e.detail ? <>: <span className="history-detail">{e.detail}</span></> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
