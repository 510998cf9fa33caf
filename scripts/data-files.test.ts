// Issue 8, finding 11: the SQLite file and its WAL hold password hashes and were world-readable.
// Runs the real migrate script on a fresh folder, with a permissive umask, then writes through
// SQLite so it creates its -wal and -shm files, and checks every mode.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('db-migrate creates the data folder 700 and the database, WAL and SHM files 600', () => {
  const root = mkdtempSync(join(tmpdir(), 'factdesk-modes-'));
  const previous = process.umask(0o022);
  try {
    const dir = join(root, 'data');
    const file = join(dir, 'factdesk.db');
    const res = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    assert.equal(mode(dir), '700');
    assert.equal(mode(file), '600');
    // A second process holding the database open keeps the WAL and SHM files on disk.
    const db = new Database(file);
    try {
      db.prepare('create table if not exists t (x)').run();
      db.prepare('insert into t values (1)').run();
      assert.equal(mode(`${file}-wal`), '600');
      assert.equal(mode(`${file}-shm`), '600');
    } finally {
      db.close();
    }
  } finally {
    process.umask(previous);
    rmSync(root, { recursive: true, force: true });
  }
});

test('start.mjs tightens an existing data folder to 700', () => {
  const root = mkdtempSync(join(tmpdir(), 'factdesk-modes-'));
  try {
    const dir = join(root, 'data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    // Stop before it migrates or builds anything: an unreachable database makes migrate fail fast.
    spawnSync(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, FACTDESK_DATA_DIR: dir, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', NEXTAUTH_SECRET: 'x' }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(mode(dir), '700');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
