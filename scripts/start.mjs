// `npm start`: everything a fresh machine needs to serve the app on the embedded SQLite default.
// 1. a local data folder (.data/, mode 700) with a generated NEXTAUTH_SECRET on first start (never in git);
// 2. `prisma migrate deploy` on DATABASE_URL (default: the SQLite file .data/factdesk.db, WAL mode);
// 3. `next build` when there is no build or the sources changed since the last one;
// 4. `next start` on PORT (default 3000).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { prepareSetupLink } from './setup-link.mjs';

const DATA = process.env.FACTDESK_DATA_DIR ?? '.data';
// The folder holds the database (password hashes) and the session secret: owner only.
mkdirSync(DATA, { recursive: true, mode: 0o700 });
chmodSync(DATA, 0o700);

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
env.PORT ??= '3000';
env.DATABASE_URL ??= `file:./${DATA}/factdesk.db`;
env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
if (!env.NEXTAUTH_SECRET) {
  const secretFile = join(DATA, 'nextauth-secret');
  if (!existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
    console.log(`Generated a session secret in ${secretFile} (keep it; deleting it signs everyone out).`);
  }
  chmodSync(secretFile, 0o600);
  env.NEXTAUTH_SECRET = readFileSync(secretFile, 'utf8').trim();
}

execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { stdio: 'inherit', env });

execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { stdio: 'inherit', env });

// Set-up token: the admin account can only be created through the link printed here.
await prepareSetupLink(env);

console.log(`Factdesk is starting on ${env.NEXTAUTH_URL}`);
// The socket's address reaches the app through instrumentation.ts (lib/auth/peer-address.ts).
const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', env.PORT], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
