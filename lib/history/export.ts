// The history as a file (issue 10 item 7): one article's or one claim's events, filtered by person
// and kind, as CSV or JSON. Pure: lib/db/history.ts reads the events, the route picks the format.
import { csvCell } from '../export/csv';
import type { EventDto } from './dto';
import { describeEvent } from './events';
import { eventKind, HISTORY_KINDS, summariseEvent, type HistoryKind } from './summary';

export type HistoryFilter = {
  /** An account's email or display name; "system" for events the tool wrote itself. */
  actor?: string;
  kind?: HistoryKind;
  /** Only events about this claim. */
  claim?: string;
};

export const HISTORY_FORMATS = ['json', 'csv'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export function isHistoryKind(value: string): value is HistoryKind {
  return HISTORY_KINDS.some((k) => k.id === value);
}

export function filterEvents(events: EventDto[], f: HistoryFilter): EventDto[] {
  const actor = f.actor?.trim().toLowerCase();
  return events.filter((e) =>
    (!actor || (actor === 'system' ? e.actor === null : e.actor?.toLowerCase() === actor || e.actorName?.toLowerCase() === actor))
    && (!f.kind || eventKind(e.type) === f.kind)
    && (!f.claim || (e.target.type === 'claim' && e.target.id === f.claim)));
}

const HEADER = ['at', 'actor', 'actor_name', 'type', 'kind', 'what', 'detail', 'target_type', 'target_id', 'claim', 'before', 'after'];

/**
 * One row per event, oldest first. Every cell goes through csvCell, which defuses text a spreadsheet
 * would run as a formula: comments, verdict explanations and names are user text.
 */
export function historyCsv(events: EventDto[], ordinals: Record<string, number> = {}): string {
  const rows: Array<Array<string | number | null>> = [HEADER];
  for (const e of events) {
    const ordinal = e.target.type === 'claim' ? ordinals[e.target.id] : undefined;
    rows.push([
      e.at, e.actor, e.actorName, e.type, eventKind(e.type), describeEvent(e.type), summariseEvent(e), e.target.type, e.target.id,
      ordinal === undefined ? '' : `c${ordinal}`,
      e.before === null ? '' : JSON.stringify(e.before), e.after === null ? '' : JSON.stringify(e.after),
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
