import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/claims-cli.ts', ...args], { input, encoding: 'utf8' });

test('claims <file>: one JSON document whose quotes index the unchanged text', () => {
  const file = 'lib/claims/fixtures/seed-article.txt';
  const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'scripts/claims-cli.ts', file], { encoding: 'utf8' })) as {
    text: string; claims: Array<{ id: string; start: number; end: number; quote: string; checkworthy: boolean }>; relations: unknown[];
  };
  assert.equal(out.text, readFileSync(file, 'utf8'));
  assert.ok(out.claims.length > 10);
  assert.ok(out.claims.every((c) => c.checkworthy && out.text.slice(c.start, c.end) === c.quote));
  assert.equal(out.claims[0]!.id, 'c1');
  assert.ok(Array.isArray(out.relations));
});

test('claims --all lists non-check-worthy sentences too; stdin works', () => {
  const res = run(['--all', '-'], 'Is it raining? Fares rose 5 percent in 2024.');
  const out = JSON.parse(res.stdout) as { claims: Array<{ checkworthy: boolean }> };
  assert.deepEqual(out.claims.map((c) => c.checkworthy), [false, true]);
});

test('claims --score-lines prints one JSON object per input line, in order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  writeFileSync(join(dir, 'lines.txt'), 'Unemployment fell to 3.5 percent in 2019.\nWhat do you think?\n\nThank you all for coming.\n');
  const lines = run(['--score-lines', join(dir, 'lines.txt')]).stdout.trim().split('\n').map((l) => JSON.parse(l) as { score: number; checkworthy: boolean });
  assert.equal(lines.length, 4);
  assert.equal(lines[0]!.checkworthy, true);
  assert.equal(lines[1]!.checkworthy, false);
  assert.equal(lines[3]!.checkworthy, false);
  assert.ok(lines.every((l) => l.score >= 0 && l.score <= 1));
});

test('a missing or unsupported file is a clear error and a non-zero exit', () => {
  const missing = run(['no-such-file.txt']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read "no-such-file.txt"/);
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  writeFileSync(join(dir, 'bad.docx'), 'not a zip');
  const bad = run([join(dir, 'bad.docx')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /not a valid \.docx/);
});
