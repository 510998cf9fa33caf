// Live updates for one article as server-sent events (docs/API.md, decision 022).
import { AppError } from '@/lib/api/errors';
import { latestEventAt, liveEventsAfter, loadLiveEvent, openLiveStream, scaleVersion } from '@/lib/db/live-events';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';
import { hub } from '@/lib/realtime/hub';
import { ConnectionCap, SeenIds, sseComment, sseFrame, type LiveEvent, type Viewer } from '@/lib/realtime/protocol';

export const dynamic = 'force-dynamic';

const HEARTBEAT_COMMENT_MS = 15_000;
// Streams are closed now and then so the browser reconnects through the session check again (a
// deactivated account stops receiving within this time); Last-Event-ID makes it lossless.
const MAX_STREAM_MS = 10 * 60_000;
const RECONNECT_MS = 1_000;
const g = globalThis as unknown as { factdeskSseCap?: ConnectionCap };
// A reviewer with a few tabs open is fine; hundreds of sockets from one account are not.
g.factdeskSseCap ??= new ConnectionCap(8);
const cap = g.factdeskSseCap;

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  await openLiveStream(actor, id);
  // EventSource sends the header on its own reconnects; a page that opens a fresh EventSource after
  // an error passes it in the query instead.
  const lastEventId = req.headers.get('last-event-id') || new URL(req.url).searchParams.get('lastEventId') || null;
  if (lastEventId !== null && lastEventId.length > 100) throw new AppError('bad_request', 'Last-Event-ID is not an event id.');
  if (!cap.tryOpen(actor.id)) throw new AppError('too_many_requests', 'Too many live connections from this account: close some tabs.');

  const h = hub();
  h.loader ??= loadLiveEvent;
  const enc = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const timers: NodeJS.Timeout[] = [];
      let unsubscribe = () => {};
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          cleanup();
        }
      };
      cleanup = () => {
        if (closed) return;
        closed = true;
        for (const t of timers) clearTimeout(t);
        unsubscribe();
        cap.close(actor.id);
        try { controller.close(); } catch { /* already closed */ }
      };
      req.signal.addEventListener('abort', () => cleanup(), { once: true });

      const seen = new SeenIds();
      // Live events that arrive while the replay is being read wait here, so order holds.
      let buffer: LiveEvent[] | null = [];
      const emit = (e: LiveEvent) => { if (seen.add(e.id)) send(sseFrame({ event: 'change', id: e.id, data: e })); };
      const others = (v: Viewer[]) => v.filter((x) => x.id !== actor.id).map((x) => x.name);
      let cursor = lastEventId;
      const replay = async (from: string) => {
        const missed = await liveEventsAfter(actor, id, from);
        if (missed === null) send(sseFrame({ event: 'resync', data: { reason: 'reload' } }));
        else for (const e of missed) emit(e);
      };

      try {
        unsubscribe = await h.subscribe(id, { id: actor.id, name: actor.name || actor.email }, {
          onEvent: (e) => { cursor = e.id; if (buffer) buffer.push(e); else emit(e); },
          onPresence: (v) => send(sseFrame({ event: 'presence', data: { viewers: others(v) } })),
          // No id: a scale change is not in the article's history, so it must not move Last-Event-ID.
          onScale: (version) => send(sseFrame({ event: 'scale', data: { version } })),
          onResync: () => { if (cursor) void replay(cursor).catch(() => cleanup()); else send(sseFrame({ event: 'resync', data: { reason: 'reconnected' } })); },
        });
        if (closed) unsubscribe();
        // After subscribing, so a change cannot fall between "latest" and the first live message.
        send(sseFrame({ retry: RECONNECT_MS, event: 'ready', data: { articleId: id, latestAt: await latestEventAt(id), scaleVersion: await scaleVersion(), now: new Date().toISOString() } }));
        if (lastEventId) await replay(lastEventId);
      } catch (e) {
        console.error(`live updates: stream failed to start: ${(e as Error).message?.split('\n')[0]?.slice(0, 200)}`);
        send(sseFrame({ event: 'unavailable', data: { message: 'Live updates are unavailable; reload to see changes.' } }));
        cleanup();
        return;
      }
      const pending = buffer;
      buffer = null;
      for (const e of pending) emit(e);

      const beat = () => {
        send(sseComment('keep-alive'));
        timers[0] = setTimeout(beat, HEARTBEAT_COMMENT_MS);
      };
      timers[0] = setTimeout(beat, HEARTBEAT_COMMENT_MS);
      timers[1] = setTimeout(() => cleanup(), MAX_STREAM_MS);
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver it in lumps.
      'x-accel-buffering': 'no',
    },
  });
});
