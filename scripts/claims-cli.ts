// The `claims` command (docs/API.md):
//   npm run --silent claims -- <file|->            one JSON document: { text, claims, relations }
//   npm run --silent claims -- --all <file|->      also lists sentences judged not check-worthy
//   npm run --silent claims -- --score-lines <file|->   one sentence per line -> one JSON per line
//   npm run --silent claims -- --export-feedback [--out FILE]   the desk's corrections as JSONL
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../lib/api/errors';
import { extractClaims, scoreLine } from '../lib/claims/extract';
import { fileToText } from '../lib/ingest/to-text';

const USAGE = 'usage: npm run --silent claims -- [--all] <file|->\n       npm run --silent claims -- --score-lines <file|->\n       npm run --silent claims -- --export-feedback [--out FILE]';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--export-feedback')) {
    // The export reads the database, and the data layer only loads under the react-server condition;
    // extraction itself stays a plain process.
    const script = fileURLToPath(new URL('./claims-feedback.ts', import.meta.url));
    const res = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', script, ...args.filter((a) => a !== '--export-feedback')], { stdio: 'inherit' });
    process.exit(res.status ?? 1);
  }
  const all = args.includes('--all');
  const scoreLines = args.includes('--score-lines');
  const target = args.filter((a) => !a.startsWith('--'))[0] ?? (process.stdin.isTTY ? undefined : '-');
  if (!target || args.includes('--help')) {
    console.error(USAGE);
    process.exit(2);
  }
  let text: string;
  if (target === '-') {
    text = readFileSync(0, 'utf8');
  } else {
    let bytes: Buffer;
    try {
      bytes = readFileSync(target);
    } catch {
      console.error(`claims: cannot read "${target}": no such file, or no permission.`);
      process.exit(1);
    }
    // Plain text keeps its bytes exactly; other formats are converted like an upload.
    text = /\.(docx|html?|md|markdown)$/i.test(target) ? (await fileToText(target, new Uint8Array(bytes))).text : bytes.toString('utf8');
  }
  if (scoreLines) {
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    process.stdout.write(lines.map((l) => JSON.stringify(scoreLine(l))).join('\n') + (lines.length ? '\n' : ''));
    return;
  }
  process.stdout.write(`${JSON.stringify(extractClaims(text, { all }), null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(`claims: ${e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
