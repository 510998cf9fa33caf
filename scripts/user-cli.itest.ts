// The operators' `user` command against the test database (DATABASE_URL from the runner).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const run = (args: string[], input: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/user-cli.ts', ...args], { input, encoding: 'utf8', env: process.env });

test('user create reads the password from stdin and creates the account', () => {
  const res = run(['create', '--email', 'Ops.Editor@Example.com', '--role', 'editor'], 'a long enough password\n');
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /Created editor account ops.editor@example.com/);
  assert.ok(!res.stdout.includes('a long enough password') && !res.stderr.includes('a long enough password'), 'password never echoed');
  const again = run(['create', '--email', 'ops.editor@example.com', '--role', 'editor'], 'a long enough password\n');
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists/);
});

test('bad role or short password: a message per field and exit 1', () => {
  const res = run(['create', '--email', 'x@example.com', '--role', 'boss'], 'short\n');
  assert.equal(res.status, 1);
  assert.match(res.stderr, /Use at least 10 characters/);
  assert.match(res.stderr, /Role must be admin, editor or reviewer/);
  assert.equal(run(['delete'], '').status, 2);
});
