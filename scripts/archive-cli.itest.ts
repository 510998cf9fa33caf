// The operators' `archive` command against the test database (DATABASE_URL from the runner).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createArticle } from '../lib/db/articles';
import { db } from '../lib/db/client';
import { createUserAsOperator } from '../lib/db/users';

const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/archive-cli.ts', ...args], { encoding: 'utf8', env: process.env });

test('archive export then import prints the new article id; a tampered file is refused with its reason', async () => {
  const u = await createUserAsOperator({ email: `archive-cli-${Date.now().toString(36)}@example.com`, password: 'correct horse battery', role: 'editor' });
  const { id } = await createArticle({ id: u.id, email: u.email, name: '', role: 'editor' }, { title: 'CLI archive', text: 'The council cut fares by 10 percent.' });
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-archive-cli-'));
  try {
    const out = run(['export', id]);
    assert.equal(out.status, 0, out.stderr);
    const file = join(dir, 'a.json');
    writeFileSync(file, out.stdout);
    const imported = run(['import', file]);
    assert.equal(imported.status, 0, imported.stderr);
    const newId = imported.stdout.trim();
    assert.notEqual(newId, id);
    const copy = await db().article.findUnique({ where: { id: newId }, select: { title: true, claims: { select: { quote: true } } } });
    assert.deepEqual(copy, { title: 'CLI archive', claims: [{ quote: 'The council cut fares by 10 percent.' }] });

    writeFileSync(file, out.stdout.replace('"version": 1', '"version": 7'));
    const refused = run(['import', file]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /archive version 7 is not supported/);
    assert.equal(refused.stdout, '');
    assert.match(run(['import', join(dir, 'missing.json')]).stderr, /no such file/);
    assert.equal(run(['import']).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
