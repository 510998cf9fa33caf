// Applies the committed migrations to DATABASE_URL (`prisma migrate deploy`), creating the SQLite
// file if needed (mode 600) and switching it to WAL so readers never wait for the writer.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const url = process.env.DATABASE_URL ?? 'file:./.data/factdesk.db';
if (!/^postgres(ql)?:/.test(url)) {
  const file = url.replace(/^file:/, '');
  // The database holds password hashes: a folder we create is owner-only, and the file is created
  // 600 before SQLite opens it. SQLite gives its -wal and -shm files the database file's mode.
  if (!existsSync(dirname(file))) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  // Also tightens files left by an older version that created them world-readable.
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
const res = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
  encoding: 'utf8',
  env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
if (res.status !== 0) {
  // Prisma's own output says what went wrong (unreachable server, failed migration...).
  process.stderr.write(`${res.stdout}\n${res.stderr}\n`);
  console.error(`Could not apply the database migrations to ${url.replace(/\/\/[^@/]*@/, '//***@')}.`);
  process.exit(1);
}
console.log(`Database ready (${/^postgres/.test(url) ? 'PostgreSQL' : 'SQLite'}).`);
