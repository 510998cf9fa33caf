// Operators' review-archive command (docs/API.md, docs/decisions/013-review-archive.md):
//   npm run --silent archive -- import FILE        prints the new article's id
//   npm run --silent archive -- export ARTICLE_ID  prints the archive (JSON) to standard output
// No session: the shell is the authority, as for the `user` command.
import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../lib/api/errors';
import { exportReviewArchiveAsOperator, importReviewArchiveAsOperator } from '../lib/db/review-archive';
import { decodeArchiveBytes, MAX_ARCHIVE_BYTES } from '../lib/review-archive/schema';

const USAGE = 'usage: npm run --silent archive -- import <file.json> | export <article-id>';

async function main(): Promise<void> {
  const [command, arg, ...rest] = process.argv.slice(2);
  if (!arg || rest.length || (command !== 'import' && command !== 'export')) {
    console.error(USAGE);
    process.exit(2);
  }
  if (command === 'import') {
    let size: number;
    try {
      size = statSync(arg).size;
    } catch {
      throw new AppError('not_found', `cannot read ${arg}: no such file.`);
    }
    if (size > MAX_ARCHIVE_BYTES) throw new AppError('too_large', `${arg} is ${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARCHIVE_BYTES / 1048576} MB.`);
    const text = decodeArchiveBytes(readFileSync(arg));
    const { id } = await importReviewArchiveAsOperator(text);
    console.log(id);
    return;
  }
  const { body } = await exportReviewArchiveAsOperator(arg);
  process.stdout.write(body);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    if (e instanceof AppError) {
      const fields = e.fields ? Object.entries(e.fields).slice(0, 10).map(([k, v]) => `\n  ${k}: ${v}`).join('') : '';
      console.error(`archive: ${e.message}${fields}`);
    } else if ((e as { code?: string }).code === 'P2021') {
      // Unlike `user create`, this does not migrate: the install it imports into already runs.
      console.error('archive: this database has no tables yet. Start the app once (npm start) or run node scripts/db-migrate.mjs, then import.');
    } else {
      console.error(`archive: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    process.exit(1);
  });
