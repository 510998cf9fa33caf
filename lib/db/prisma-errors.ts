// Recognising database errors the data layer turns into a clear 409 instead of a 500.
import 'server-only';

/** A unique constraint refused the write (Prisma P2002), on either engine. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: unknown } } | null;
  if (!e || e.code !== 'P2002') return false;
  if (!field) return true;
  // The target is a field list or an index name depending on engine and adapter.
  return JSON.stringify(e.meta ?? {}).includes(field);
}
