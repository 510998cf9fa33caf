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
  assert.match(res.stderr, /Use at least 12 characters/);
  assert.match(res.stderr, /Role must be admin, editor or reviewer/);
  assert.equal(run(['delete'], '').status, 2);
});

test('deactivate, reactivate, set-role and set-password; a common password is refused', () => {
  assert.equal(run(['create', '--email', 'ops.reviewer@example.com', '--role', 'reviewer'], 'a long enough password\n').status, 0);
  const weak = run(['set-password', '--email', 'ops.reviewer@example.com'], 'password1234\n');
  assert.equal(weak.status, 1);
  assert.match(weak.stderr, /too easy to guess/);
  const off = run(['deactivate', '--email', 'ops.reviewer@example.com'], '');
  assert.equal(off.status, 0, off.stderr);
  assert.match(off.stdout, /Deactivated ops.reviewer@example.com; its sessions have ended/);
  assert.match(run(['deactivate', '--email', 'ops.reviewer@example.com'], '').stderr, /already deactivated/);
  assert.equal(run(['reactivate', '--email', 'ops.reviewer@example.com'], '').status, 0);
  assert.match(run(['set-role', '--email', 'ops.reviewer@example.com', '--role', 'editor'], '').stdout, /is now editor/);
  const pw = run(['set-password', '--email', 'ops.reviewer@example.com'], 'quiet meadow copper violin\n');
  assert.equal(pw.status, 0, pw.stderr);
  assert.ok(!pw.stdout.includes('quiet meadow') && !pw.stderr.includes('quiet meadow'), 'password never echoed');
  assert.match(run(['deactivate', '--email', 'nobody@example.com'], '').stderr, /No such account/);
});
