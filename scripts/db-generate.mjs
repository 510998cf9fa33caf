// Generates one Prisma client per engine (generated/sqlite, generated/postgres). prisma.config.ts
// picks the driver adapter from DATABASE_URL, and the adapter must match the schema's provider or the
// CLI falls back to downloading a native engine, so each run gets a URL of its own kind. Runs on
// `npm ci` (postinstall); no database is contacted.
import { execFileSync, spawnSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/db-schemas.mjs', '--check'], { stdio: 'inherit' });
const runs = [
  ['prisma/sqlite/schema.prisma', 'file:./.data/generate-only.db'],
  ['prisma/postgres/schema.prisma', 'postgresql://localhost:5432/generate-only'],
];
// Each run prints Prisma's notice about prisma.config.ts; the same notice twice reads like a problem,
// so later runs drop those lines and pass on anything else they say.
const CONFIG_NOTICE = /^(Loaded Prisma config from .*|Prisma config detected, skipping environment variable loading\.)$/;
runs.forEach(([schema, url], i) => {
  const res = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  const lines = (res.stderr ?? '').split('\n');
  const shown = i === 0 ? lines : lines.filter((l) => !CONFIG_NOTICE.test(l.trim()));
  if (shown.join('').trim()) process.stderr.write(shown.join('\n'));
  if (res.status !== 0) {
    console.error(`prisma generate failed for ${schema}`);
    process.exit(res.status ?? 1);
  }
});
console.log('prisma clients generated: generated/sqlite, generated/postgres');
