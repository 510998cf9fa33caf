// lib/claims as of another git ref, loadable beside the current code: scripts/check-claims-identical.ts
// compares their output, scripts/bench-claims-ab.ts their speed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Extracts lib/claims of `ref` under node_modules/.cache (so its imports resolve to this worktree's
 * packages) and returns its directory. It gets this worktree's model weights: the comparison is
 * about code, and a retrained model is not a difference of code.
 */
export function checkoutBase(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', ref], { encoding: 'utf8' }).trim();
  const dir = resolve('node_modules', '.cache', 'claims-base', sha);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${sha} lib/claims | tar -x -C '${dir}'`]);
  for (const f of ['model-weights.json', 'subjectivity-weights.json']) copyFileSync(join('lib', 'claims', f), join(dir, 'lib', 'claims', f));
  return join(dir, 'lib', 'claims');
}
