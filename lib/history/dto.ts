// One history event as readers receive it (the page and `GET /api/articles/:id/history`).
// lib/db/history.ts builds it; client components import it from here (STYLE.md rule 15).
export type EventDto = {
  id: string;
  at: string;
  /** The account's email: stable for integrations (API.md). Null for events the tool wrote itself. */
  actor: string | null;
  /** What a person reads: the account's name, or its email when it has none. */
  actorName: string | null;
  type: string;
  target: { type: string; id: string };
  before: unknown;
  after: unknown;
  /** Set when before/after are withheld from this reader: a blind double check is running (decision 031). */
  redacted?: true;
};
