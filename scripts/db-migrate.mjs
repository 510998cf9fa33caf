// Applies the committed migrations to DATABASE_URL (`prisma migrate deploy`), creating the SQLite
// file if needed and switching it to WAL so readers never wait for the writer.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const url = process.env.DATABASE_URL ?? 'file:./.data/factdesk.db';
if (!/^postgres(ql)?:/.test(url)) {
  const file = url.replace(/^file:/, '');
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'migrate', 'deploy'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
console.log(`Database ready (${/^postgres/.test(url) ? 'PostgreSQL' : 'SQLite'}).`);
