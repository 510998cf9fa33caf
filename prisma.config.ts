// Prisma CLI configuration. The CLI runs on its WebAssembly engine through a driver adapter, so it
// never downloads a native engine (docs/decisions/002-databases.md). The database URL's scheme picks
// the engine: postgres:// or postgresql:// -> PostgreSQL, anything else -> the embedded SQLite file.
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env.DATABASE_URL ?? 'file:./.data/factdesk.db';
const isPostgres = /^postgres(ql)?:/.test(url);
const dir = isPostgres ? 'prisma/postgres' : 'prisma/sqlite';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  adapter: async () => (isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
