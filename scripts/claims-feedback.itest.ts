// `npm run --silent claims -- --export-feedback` against the test database (DATABASE_URL from the
// runner): the desk's corrections come out as JSONL a training run can read back.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Actor } from '../lib/auth/permissions';
import { parseFeedback } from '../lib/claims/feedback';
import { createArticle } from '../lib/db/articles';
import { addClaim, markNotAClaim, splitClaim } from '../lib/db/claim-edits';
import { createUserAsOperator } from '../lib/db/users';

const seed = readFileSync(new URL('../lib/claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const npm = (args: string[]) => spawnSync('npm', ['run', '--silent', 'claims', '--', ...args], { encoding: 'utf8', env: process.env });

test('claims --export-feedback prints one labelled span per line, oldest first; --out writes a file', async () => {
  const u = await createUserAsOperator({ email: 'feedback-cli@example.com', password: 'correct horse battery staple', role: 'editor' });
  const editor: Actor = { id: u.id, email: u.email, name: '', role: 'editor' };
  const { id, claims } = await createArticle(editor, { title: 'Feedback CLI', byline: '', text: seed });
  const furniture = claims.find((c) => c.quote.includes('dozens of letters'))!;
  await markNotAClaim(editor, furniture.id, { version: furniture.version });
  const words = 'Putin had ensured that it would be awkward';
  await addClaim(editor, id, { start: seed.indexOf(words), end: seed.indexOf(words) + words.length });
  // Extraction already splits the veto sentence at "and reflected"; split its second atom.
  const veto = claims.find((c) => c.quote.startsWith('reflected the deep division'))!;
  await splitClaim(editor, veto.id, { at: seed.indexOf(' and to help end the six-year'), version: veto.version });

  const res = npm(['--export-feedback']);
  assert.equal(res.status, 0, res.stderr);
  const { records, problems } = parseFeedback(res.stdout);
  assert.deepEqual(problems, [], 'every line is a valid record');
  const mine = records.filter((r) => r.article === id);
  assert.deepEqual(mine.map((r) => [r.action, r.label]), [['not_a_claim', 'not_a_claim'], ['add', 'claim'], ['split', 'claim'], ['split', 'claim']]);
  assert.equal(mine[0]!.span.text, furniture.quote);
  assert.match(mine[0]!.sentence, /^Syrian U\.N\. Ambassador/);
  assert.equal(mine[1]!.sentence, 'Before the sit-down, Putin had ensured that it would be awkward.');
  assert.deepEqual(mine[1]!.span, { start: 21, end: 21 + words.length, text: words });
  assert.ok(mine.every((r) => !Number.isNaN(Date.parse(r.when))));
  assert.ok(!res.stdout.includes('feedback-cli@example.com'), 'no names or emails in the labelled data');
  assert.match(res.stderr, /exported \d+ labelled spans/);

  const out = join(mkdtempSync(join(tmpdir(), 'feedback-')), 'desk.jsonl');
  const toFile = npm(['--export-feedback', '--out', out]);
  assert.equal(toFile.status, 0, toFile.stderr);
  assert.equal(readFileSync(out, 'utf8'), res.stdout);
});

test('a database that cannot be read is a clear error and a non-zero exit', () => {
  const res = spawnSync('npm', ['run', '--silent', 'claims', '--', '--export-feedback'], {
    encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'file:/nonexistent-dir/none.db' },
  });
  assert.equal(res.status, 1);
  assert.match(res.stderr, /could not export feedback: .*Check DATABASE_URL/);
});
