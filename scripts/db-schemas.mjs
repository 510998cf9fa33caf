// Derives the per-engine schema files from prisma/schema.template.prisma. Prisma fixes the provider in the
// schema file, so SQLite and PostgreSQL each get their own copy (and their own migrations folder).
// Run after editing prisma/schema.template.prisma: `npm run db:schemas`. `--check` fails if they are stale.
import { readFileSync, writeFileSync } from 'node:fs';

const base = readFileSync('prisma/schema.template.prisma', 'utf8');
let stale = false;
for (const provider of ['sqlite', 'postgresql']) {
  const dir = provider === 'sqlite' ? 'sqlite' : 'postgres';
  const out = `// GENERATED from prisma/schema.template.prisma by scripts/db-schemas.mjs: edit that file instead.\n${base
    .replaceAll('generated/__PROVIDER__', `generated/${dir}`)
    .replaceAll('__PROVIDER__', provider)}`;
  const path = `prisma/${dir}/schema.prisma`;
  let current = '';
  try { current = readFileSync(path, 'utf8'); } catch { /* first run */ }
  if (current !== out) {
    stale = true;
    if (!process.argv.includes('--check')) writeFileSync(path, out);
  }
}
if (stale && process.argv.includes('--check')) {
  console.error('prisma/sqlite or prisma/postgres schema is stale: run `npm run db:schemas`');
  process.exit(1);
}
