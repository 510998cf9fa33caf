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

// Paths are built only for the (rare) bad body: building one per node made the check of a
// 27,000-claim insert cost more than serialising it.
type Node = { v: unknown; parent: Node | null; key: string };
const pathOf = (n: Node | null): string => {
  const keys: string[] = [];
  for (let p = n; p && p.parent; p = p.parent) keys.push(p.key);
  return keys.reverse().join('.') || '_';
};

/**
 * The first string (value or key) anywhere in a parsed JSON body that cannot be stored. Iterative,
 * so a body nested a million levels deep cannot overflow the stack.
 */
export function findUnsafeJson(value: unknown): UnsafeSpot | null {
  const stack: Node[] = [{ v: value, parent: null, key: '' }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.v;
    if (typeof v === 'string') {
      if (UNSAFE.test(v)) return { path: pathOf(node), message: unsafeTextProblem(v)! };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parent: node, key: String(i) });
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (const k of keys) {
        const problem = UNSAFE.test(k) ? unsafeTextProblem(k) : null;
        if (problem) return { path: pathOf(node), message: `A field name ${problem.charAt(0).toLowerCase()}${problem.slice(1)}` };
      }
      // Pushed last-first so fields are checked in the order they were sent.
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], parent: node, key: keys[i]! });
    }
  }
  return null;
}
