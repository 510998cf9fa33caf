// Generates one Prisma client per engine (generated/sqlite, generated/postgres). prisma.config.ts
// picks the driver adapter from DATABASE_URL, and the adapter must match the schema's provider or the
// CLI falls back to downloading a native engine, so each run gets a URL of its own kind. Runs on
// `npm ci` (postinstall); no database is contacted.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/db-schemas.mjs', '--check'], { stdio: 'inherit' });
const runs = [
  ['prisma/sqlite/schema.prisma', 'file:./.data/generate-only.db'],
  ['prisma/postgres/schema.prisma', 'postgresql://localhost:5432/generate-only'],
];
for (const [schema, url] of runs) {
  execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
console.log('prisma clients generated: generated/sqlite, generated/postgres');
