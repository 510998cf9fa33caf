// Applies the committed migrations to DATABASE_URL (`prisma migrate deploy`), creating the SQLite
// file if needed and switching it to WAL so readers never wait for the writer.
import { spawnSync } from 'node:child_process';
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
