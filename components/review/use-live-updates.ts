'use client';
// Live updates on the review screen (decision 022): a server-sent-event stream per open article.
// A colleague's change re-renders the page from the server (router.refresh keeps client state, so an
// open dialog's unsaved input stays); presence says who else has the article open.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const SEEN_MAX = 500;
// Changes arrive in bursts (a verdict and its status): one refresh per burst.
const REFRESH_DEBOUNCE_MS = 150;
const RETRY_AFTER_ERROR_MS = 5_000;

export type LiveState = { viewers: string[]; connected: boolean };

export function useLiveUpdates(articleId: string): LiveState {
  const router = useRouter();
  const [state, setState] = useState<LiveState>({ viewers: [], connected: false });

  useEffect(() => {
    let es: EventSource | null = null;
    let lastId: string | null = null;
    let stopped = false;
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const seen: string[] = [];
    // When this page last knew it was up to date: mounting (just rendered), then each disconnection.
    let syncedAt = performance.now();
    let open = false;
    // The verdict scale's version as of the first stream: a later, higher one (a `scale` frame, or a
    // reconnect's `ready` after a missed one) means names and colours changed: re-read the page.
    let scaleSeen: number | null = null;
    const scaleIs = (v: unknown) => {
      if (typeof v !== 'number') return;
      if (scaleSeen !== null && v > scaleSeen) refresh();
      if (scaleSeen === null || v > scaleSeen) scaleSeen = v;
    };
    const refresh = () => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => { refreshTimer = null; router.refresh(); }, REFRESH_DEBOUNCE_MS);
    };
    const connect = () => {
      // A fresh EventSource does not send Last-Event-ID by itself: the query carries it.
      const url = `/api/articles/${encodeURIComponent(articleId)}/events${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ''}`;
      const source = new EventSource(url);
      es = source;
      source.addEventListener('ready', (ev) => {
        open = true;
        setState((s) => ({ ...s, connected: true }));
        let data: { latestAt: string | null; now: string; scaleVersion?: number };
        try {
          data = JSON.parse((ev as MessageEvent<string>).data) as typeof data;
        } catch { return; /* a malformed frame changes nothing */ }
        scaleIs(data.scaleVersion);
        // Without a last event id nothing is replayed: if the article changed since the page was
        // rendered (or since the stream broke), refresh once. Ages are on the server's clock and
        // elapsed times on ours, so clock skew does not matter; 2 s covers the render itself.
        if (lastId) return;
        if (data.latestAt && Date.parse(data.now) - Date.parse(data.latestAt) <= performance.now() - syncedAt + 2000) refresh();
      });
      source.addEventListener('scale', (ev) => {
        try {
          scaleIs((JSON.parse((ev as MessageEvent<string>).data) as { version?: unknown }).version);
        } catch { /* a malformed frame changes nothing */ }
      });
      source.addEventListener('change', (ev) => {
        const id = (ev as MessageEvent).lastEventId;
        if (id) lastId = id;
        // A replay after reconnecting overlaps what already arrived: refresh once per change.
        if (id && seen.includes(id)) return;
        if (id) { seen.push(id); if (seen.length > SEEN_MAX) seen.shift(); }
        refresh();
      });
      source.addEventListener('resync', refresh);
      source.addEventListener('presence', (ev) => {
        try {
          const { viewers } = JSON.parse((ev as MessageEvent<string>).data) as { viewers: string[] };
          setState((s) => ({ ...s, viewers: Array.isArray(viewers) ? viewers.filter((v) => typeof v === 'string') : [] }));
        } catch { /* a malformed message changes nothing */ }
      });
      source.onerror = () => {
        // Up to date until now if the stream was open; otherwise still since the last time it was.
        if (open) syncedAt = performance.now();
        open = false;
        setState((s) => ({ ...s, connected: false }));
        // The browser retries by itself unless the answer was an error (401, 429, 503): then the
        // stream is closed for good and we try again later, from where we were.
        if (source.readyState === EventSource.CLOSED && !stopped) {
          retryTimer = setTimeout(connect, RETRY_AFTER_ERROR_MS);
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      es?.close();
      if (refreshTimer) clearTimeout(refreshTimer);
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [articleId, router]);

  return state;
}
