// A job that needs more memory than a worker may have is stopped with 413 and a message, and the
// server process (this one) carries on serving other jobs. Own file: the limit is read once per process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { extractClaimsOffThread } from './index';

// Enough for a short draft (the model and vectors fit), far too little for 1 MB of claims.
process.env.FACTDESK_EXTRACT_MEMORY_MB = '64';

test('a job past the memory limit is stopped with a clear 413, and the next job is served', async () => {
  const small = 'Unemployment fell to 4.2 percent in May.';
  assert.equal((await extractClaimsOffThread(small)).claims.length, 1);
  await assert.rejects(extractClaimsOffThread('Unemployment fell to 4.2 percent in May. '.repeat(25_000)), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.status, 413);
    assert.equal(e.message, 'Finding claims in this article needed more memory than one job may use, so it was stopped. Split the article into shorter parts.');
    return true;
  });
  assert.equal((await extractClaimsOffThread(small)).claims.length, 1);
});
