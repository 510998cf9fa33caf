// What every input must satisfy before it may reach either database, so that SQLite and PostgreSQL
// give the same answer (docs/decisions/012-input-safety-and-indexes.md):
// - no NUL character: PostgreSQL's text type cannot hold U+0000 (the driver fails, a 500), while
//   SQLite stores it and hands back a string that later breaks exports and search;
// - no unpaired UTF-16 surrogate: it has no UTF-8 encoding, so neither engine can store it faithfully;
// - integers that fit PostgreSQL's 4-byte `integer` (SQLite's are 8 bytes, so 2^31 was a 409 there
//   and a 500 on PostgreSQL).
// Pure: used by the zod input schemas (the data layer's guard) and by readJson (every JSON route).
import { z } from 'zod';

export const MAX_INT4 = 2_147_483_647;

// Without the `u` flag a regex sees UTF-16 code units, so a high surrogate not followed by a low one,
// or a low one not preceded by a high one, is exactly an unpaired surrogate.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this string cannot be stored, in words an editor can act on; null if it can. */
export function unsafeTextProblem(s: string): string | null {
  const m = UNSAFE.exec(s);
  if (!m) return null;
  // Counted in code points, as an editor counts characters (an emoji is one).
  const at = `at character ${[...s.slice(0, m.index)].length + 1}`;
  return m[0] === '\u0000'
    ? `Contains a NUL character (U+0000) ${at}, which cannot be stored. Remove it: it usually comes from pasting out of a binary file.`
    : `Contains a broken character (an unpaired UTF-16 surrogate) ${at}, which cannot be stored. Re-type or re-copy the text around it.`;
}

/** A string check for every text field of every input schema; chain `.trim().min()...` after it. */
export function storableText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine((s, ctx) => {
    const problem = unsafeTextProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** An id sent in a body (cuid in practice); bounded so junk never reaches an index lookup. */
export function idField(message: string) {
  return storableText({ message }).min(1, message).max(100, 'That id is too long to be one of ours.');
}

/** The claim version a reviewer saw: a positive 4-byte integer on both engines. */
export const versionField = z
  .number({ message: 'version is required: send the version the claim showed when you opened it.' })
  .int('version must be a whole number.')
  .positive('version must be 1 or more.')
  .max(MAX_INT4, `version must be at most ${MAX_INT4}: send the version the claim showed when you opened it.`);

export type UnsafeSpot = { path: string; message: string };

/**
 * The first string (value or key) anywhere in a parsed JSON body that cannot be stored. Iterative,
 * so a body nested a million levels deep cannot overflow the stack.
 */
export function findUnsafeJson(value: unknown): UnsafeSpot | null {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = unsafeTextProblem(v);
      if (problem) return { path: path || '_', message: problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: path ? `${path}.${i}` : String(i) });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (const [k] of entries) {
        const problem = unsafeTextProblem(k);
        if (problem) return { path: path || '_', message: `A field name ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` };
      }
      // Pushed last-first so fields are checked in the order they were sent.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push({ v: child, path: path ? `${path}.${k}` : k });
      }
    }
  }
  return null;
}
