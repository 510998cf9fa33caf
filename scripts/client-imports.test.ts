// The page's Content-Security-Policy has no 'unsafe-eval', and a zod object schema built in the
// browser probes `eval` (a CSP violation on every page that loads it: e2e/security-limits.spec.ts
// catches it only on the pages that journey opens). This follows every client component's value
// imports (not `import type`) through the repo and fails if one reaches a module that builds a zod
// schema when it loads. Keep such schemas in server-side modules (e.g. lib/verdicts/scale-schema.ts).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? normalize(join(dirname(from), spec)) : null;
  if (base === null) return null;
  for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', '']) if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  return null;
}

const IMPORT = /^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'|^import\s+'([^']+)'/gm;
function valueImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (m[1] && /^\{\s*(?:type\s+\w+\s*,?\s*)+\}$/.test(m[1])) continue; // only `type` names
    const r = resolve(file, m[2] ?? m[3]!);
    if (r) out.push(r);
  }
  return out;
}

const buildsZod = (src: string) => /from 'zod'/.test(src) && /\bz\.(object|array|string|enum|number|union)\(/.test(src);

test('no client component loads a module that builds a zod schema (CSP: no eval in the browser)', () => {
  const clients = ['components', 'app'].flatMap(walk).filter((f) => /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8')));
  assert.ok(clients.length > 10, `${clients.length} client components found`);
  const offenders: string[] = [];
  for (const c of clients) {
    const seen = new Set<string>();
    const stack = [c];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      if (f !== c && buildsZod(readFileSync(f, 'utf8'))) offenders.push(`${c} -> ${f}`);
      stack.push(...valueImports(f));
    }
  }
  assert.deepEqual(offenders, []);
});
