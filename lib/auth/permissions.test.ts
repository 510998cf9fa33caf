import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { assertCan, can, type Action, type Role } from './permissions';

const expected: Record<Action, Role[]> = {
  'article:read': ['admin', 'editor', 'reviewer'],
  'article:create': ['admin', 'editor'],
  'article:export': ['admin', 'editor'],
  'article:revise': ['admin', 'editor'],
  'article:verify': ['admin', 'editor'],
  'claim:review': ['admin', 'editor', 'reviewer'],
  'claim:approve': ['admin', 'editor'],
  'claim:edit': ['admin', 'editor', 'reviewer'],
  'claims:extract': ['admin', 'editor', 'reviewer'],
  'user:manage': ['admin'],
  'archive:import': ['admin'],
  'claim:assign': ['admin', 'editor'],
  'claim:comment': ['admin', 'editor', 'reviewer'],
  'queue:read': ['admin', 'editor', 'reviewer'],
  'desk:dashboard': ['admin', 'editor'],
  'scale:manage': ['admin'],
};

test('the role matrix from PRODUCT.md', () => {
  for (const [action, roles] of Object.entries(expected) as Array<[Action, Role[]]>) {
    for (const role of ['admin', 'editor', 'reviewer'] as Role[]) {
      assert.equal(can({ role }, action), roles.includes(role), `${role} ${action}`);
    }
  }
});

test('no session is 401, a wrong role is 403', () => {
  assert.throws(() => assertCan(null, 'article:read'), (e: unknown) => e instanceof AppError && e.status === 401);
  assert.throws(
    () => assertCan({ id: 'u', email: 'r@x', name: '', role: 'reviewer' }, 'article:create'),
    (e: unknown) => e instanceof AppError && e.status === 403,
  );
});
