// The last line of the input-safety rule (decision 012): no string that cannot be stored reaches
// either engine, whatever path it came by. The zod schemas and readJson refuse such text with a
// field-level message first; this catches the rest, above all ids taken from the URL
// (`/api/claims/%00/verdict` was a 404 on SQLite and a 500 on PostgreSQL), and answers 422 on both.
import { AppError } from '../api/errors';
import { findUnsafeJson } from '../api/input-safety';

export function assertStorableArgs(args: unknown): void {
  const unsafe = findUnsafeJson(args);
  if (!unsafe) return;
  // The query path ("where.id", "data.title") is internal; the person only needs what and how to fix.
  throw new AppError('invalid', `Some text in this request cannot be stored. ${unsafe.message}`);
}

/** Wraps a Prisma client so every operation, raw queries included, checks its arguments first. */
export function refusingUnstorableText<C extends { $extends: (ext: never) => unknown }>(client: C): C {
  const ext = {
    query: {
      async $allOperations({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
        assertStorableArgs(args);
        return query(args);
      },
    },
  };
  // A query extension keeps the model API; the extended client only lacks $on and $use, unused here.
  return client.$extends(ext as never) as C;
}
