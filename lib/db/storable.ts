// The last line of the input-safety rule (decision 012): no string that cannot be stored reaches
// either engine, whatever path it came by. The zod schemas and readJson refuse such text in bodies
// with a field-level 422 first; what is left is mostly ids taken from the URL
// (`/api/claims/%00/verdict` was a 404 on SQLite and a 500 on PostgreSQL).
import { AppError } from '../api/errors';
import { findUnsafeJson } from '../api/input-safety';

// A value that cannot be stored matches no stored row, so a lookup by it finds nothing: the data
// layer then gives its own 404 (or 409), the same on both engines. Answering here rather than
// throwing also matters because the client is a process-wide singleton shared by every route
// bundle, and an error class from this module is not `instanceof` the one a route's handle() checks.
const NOTHING_FOUND = new Map<string, () => unknown>([
  ['findUnique', () => null],
  ['findFirst', () => null],
  ['findMany', () => []],
  ['count', () => 0],
  ['updateMany', () => ({ count: 0 })],
  ['deleteMany', () => ({ count: 0 })],
]);

type Operation = { operation: string; args: unknown; query: (args: unknown) => Promise<unknown> };

export async function guardStorable({ operation, args, query }: Operation): Promise<unknown> {
  const unsafe = findUnsafeJson(args);
  if (!unsafe) return query(args);
  const nothing = NOTHING_FOUND.get(operation);
  if (nothing) return nothing();
  // A write of such text: every input schema refuses it before this point.
  throw new AppError('invalid', `Part of this request cannot be stored. ${unsafe.message}`);
}

/** Wraps a Prisma client so every operation, raw queries included, checks its arguments first. */
export function refusingUnstorableText<C extends { $extends: (ext: never) => unknown }>(client: C): C {
  const ext = { query: { $allOperations: guardStorable } };
  // A query extension keeps the model API; the extended client only lacks $on and $use, unused here.
  return client.$extends(ext as never) as C;
}
