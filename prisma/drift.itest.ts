// Drift check: the committed migrations must produce exactly the schema in prisma/schema.template.prisma.
// Applies the migrations to one empty database and the schema itself to another (db push on SQLite,
// the schema's DDL on PostgreSQL), then
// compares the two, leaving out the full-text table only raw SQL can create (ArchiveClaimFts). STACK.md:
// `migrate diff --from-migrations` needs a shadow database we cannot use.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';

const base = process.env.DATABASE_URL ?? '';
const isPostgres = /^postgres(ql)?:/.test(base);

function prisma(args: string[], url: string): string {
  return execFileSync(process.execPath, ['node_modules/prisma/build/index.js', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

async function pgSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query(
      `select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_schema = 'public' and table_name not in ('_prisma_migrations', 'ArchiveClaimFts') order by 1, 2`,
    );
    const idx = await client.query(`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename not in ('_prisma_migrations', 'ArchiveClaimFts') order by 1`);
    const fks = await client.query(
      `select conname, pg_get_constraintdef(oid) as def from pg_constraint where connamespace = 'public'::regnamespace and contype in ('f','p','u') and conname not like '_prisma%' and conname not like 'ArchiveClaimFts%' order by 1`,
    );
    return [...cols.rows, ...idx.rows, ...fks.rows].map((r) => JSON.stringify(r));
  } finally {
    await client.end();
  }
}

function sqliteSchema(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(`select type, name, sql from sqlite_master where name not like '_prisma%' and name not like 'sqlite_%' and name not like 'ArchiveClaimFts%' order by type, name`)
    .all() as Array<{ type: string; name: string; sql: string | null }>;
  db.close();
  // db push and migrate format whitespace and quoting differently (an ALTER TABLE ... ADD COLUMN
  // leaves "false , x DATETIME)" where a fresh table has "false, x DATETIME )"); compare the normalised DDL.
  return rows.map((r) => `${r.type} ${r.name} ${(r.sql ?? '').replace(/\s+/g, ' ').replace(/"/g, '').replace(/ ([,)])/g, '$1').replace(/\( /g, '(').trim()}`);
}

test(`migrations produce the schema (${isPostgres ? 'PostgreSQL' : 'SQLite'})`, async () => {
  if (isPostgres) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const names = [`fd_drift_m_${process.pid}`, `fd_drift_p_${process.pid}`];
    try {
      for (const n of names) await admin.query(`create database ${n}`);
      const urlOf = (n: string) => { const u = new URL(base); u.pathname = `/${n}`; return u.toString(); };
      prisma(['migrate', 'deploy'], urlOf(names[0]!));
      // `db push` fails through the pg adapter here ("Column type 'char' could not be deserialized"),
      // so the schema's own DDL (diffed from empty) is applied to the second database instead.
      const ddl = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/postgres/schema.prisma', '--script'], base);
      const target = new pg.Client({ connectionString: urlOf(names[1]!) });
      await target.connect();
      await target.query(ddl);
      await target.end();
      const [migrated, pushed] = [await pgSchema(urlOf(names[0]!)), await pgSchema(urlOf(names[1]!))];
      assert.ok(migrated.length > 20);
      assert.deepEqual(migrated, pushed);
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n}`);
      await admin.end();
    }
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-drift-'));
    const [a, b] = [join(dir, 'migrated.db'), join(dir, 'pushed.db')];
    prisma(['migrate', 'deploy'], `file:${a}`);
    prisma(['db', 'push', '--skip-generate'], `file:${b}`);
    const migrated = sqliteSchema(a);
    assert.ok(migrated.length > 10);
    assert.deepEqual(migrated, sqliteSchema(b));
  }
});
