// `npm run --silent claims -- --export-feedback [--out FILE]`: the desk's corrections of the
// extraction as JSONL, one labelled span per line (lib/claims/feedback.ts), oldest first, read from
// the database at DATABASE_URL. `npm run train:claims -- --feedback FILE` learns from the file.
// Started by scripts/claims-cli.ts under the react-server condition the data layer needs.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { listEditFeedbackAsOperator } from '../lib/db/feedback';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  if (i >= 0 && !args[i + 1]) {
    console.error('claims: --out needs a file name.');
    process.exit(2);
  }
  const out: Writable = i >= 0 ? createWriteStream(args[i + 1]!) : process.stdout;
  let count = 0;
  for await (const record of listEditFeedbackAsOperator()) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    count++;
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
  console.error(`claims: exported ${count} labelled span${count === 1 ? '' : 's'} from the review history.`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    // Only the first line: database errors can echo connection details.
    console.error(`claims: could not export feedback: ${e instanceof Error ? e.message.trim().split('\n')[0] : String(e)}. Check DATABASE_URL and that the database is migrated.`);
    process.exit(1);
  });
