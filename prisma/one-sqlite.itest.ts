// Issue 9, item 10: one better-sqlite3 serves the app and Prisma's adapter (package.json `overrides`),
// so `npm ci` compiles SQLite once. If the override goes, npm nests the adapter's own copy again and
// the first two tests fail; the third proves the adapter really works on the copy it now shares.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/sqlite/client';

const require = createRequire(import.meta.url);

test('the lock file installs exactly one better-sqlite3', () => {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, unknown> };
  const copies = Object.keys(lock.packages).filter((p) => p === 'node_modules/better-sqlite3' || p.endsWith('/node_modules/better-sqlite3'));
  assert.deepEqual(copies, ['node_modules/better-sqlite3']);
});

test('the adapter loads the same better-sqlite3 module file as the app', () => {
  const fromAdapter = createRequire(require.resolve('@prisma/adapter-better-sqlite3')).resolve('better-sqlite3');
  assert.equal(fromAdapter, require.resolve('better-sqlite3'));
  const { version } = JSON.parse(readFileSync(join(dirname(fromAdapter), '..', 'package.json'), 'utf8')) as { version: string };
  assert.match(version, /^12\./);
});

test('Prisma opens, writes and reads a SQLite file through the adapter on that copy', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'factdesk-adapter-')), 'adapter.db');
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  try {
    await client.$executeRawUnsafe('create table t (id integer primary key, word text not null)');
    assert.equal(await client.$executeRawUnsafe("insert into t (word) values ('one'), ('two')"), 2);
    const rows = await client.$queryRawUnsafe<{ word: string }[]>('select word from t order by id');
    assert.deepEqual(rows.map((r) => r.word), ['one', 'two']);
  } finally {
    await client.$disconnect();
  }
  // The file is a real SQLite database that better-sqlite3 itself reads back.
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const raw = new Database(file, { readonly: true });
  assert.equal((raw.prepare('select count(*) as n from t').get() as { n: number }).n, 2);
  raw.close();
});
