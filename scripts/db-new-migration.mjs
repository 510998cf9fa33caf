// Writes a new migration for both engines by diffing the committed schema (git HEAD) against the
// working copy. `prisma migrate dev` needs a shadow database the offline WebAssembly engine cannot
// drive, so migrations are produced with `migrate diff` instead (STACK.md).
//   node scripts/db-new-migration.mjs <name>
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: node scripts/db-new-migration.mjs <snake_case_name>');
  process.exit(2);
}
execFileSync(process.execPath, ['scripts/db-schemas.mjs'], { stdio: 'inherit' });
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
for (const [dir, url] of [['sqlite', 'file:./.data/generate-only.db'], ['postgres', process.env.PG_DIFF_URL ?? 'postgresql://root@localhost:5432/postgres']]) {
  const schema = `prisma/${dir}/schema.prisma`;
  let from = ['--from-empty'];
  // The first migration starts from nothing; later ones from the schema as last committed.
  if (existsSync(`prisma/${dir}/migrations`)) try {
    const prev = execFileSync('git', ['show', `HEAD:${schema}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const tmp = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.prisma');
    writeFileSync(tmp, prev);
    from = ['--from-schema-datamodel', tmp];
  } catch { /* first migration */ }
  const sql = execFileSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } },
  );
  const out = `prisma/${dir}/migrations/${stamp}_${name}`;
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/migration.sql`, sql);
  writeFileSync(`prisma/${dir}/migrations/migration_lock.toml`, `provider = "${dir === 'sqlite' ? 'sqlite' : 'postgresql'}"\n`);
  console.log(`wrote ${out}/migration.sql`);
}
