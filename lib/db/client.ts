// The one Prisma client. DATABASE_URL's scheme picks the engine (docs/decisions/002-databases.md):
// postgres:// or postgresql:// -> PostgreSQL through the pg driver adapter; anything else -> the
// embedded SQLite file through better-sqlite3 (WAL mode, set by scripts/db-migrate.mjs).
import 'server-only';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../../generated/postgres/client';
import { refusingUnstorableText } from './storable';

// Both generated clients come from one schema template, so their model APIs are identical; the
// SQLite client's type stands for both.
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const DEFAULT_DATABASE_URL = 'file:./.data/factdesk.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:/.test(url);
}

// Under a desk's load (issue 13: 50 reviewers saving at once) transactions queue for PostgreSQL's
// pool or SQLite's one writer longer than Prisma's default 2 s wait to start one, and the reviewer
// got a 500 for a save that would have gone through. Wait (and let one run) as long as SQLite waits
// for its lock.
const transactionOptions = { maxWait: 10_000, timeout: 10_000 };

export function createDb(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Db {
  if (isPostgresUrl(url)) {
    return refusingUnstorableText(new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions })) as unknown as Db;
  }
  // timeout: how long a writer waits for SQLite's lock before failing with "database is locked".
  return refusingUnstorableText(new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), transactionOptions }));
}

const globalForDb = globalThis as unknown as { factdeskDb?: Db };

/** The process-wide client, reused across Next's dev hot reloads. */
export function db(): Db {
  globalForDb.factdeskDb ??= createDb();
  return globalForDb.factdeskDb;
}
