// @mentions in a comment: "@Jo Park" or "@jo@desk.example" names a colleague. Pure: the data layer
// passes the desk's active accounts and stores one row per colleague found.
import { z } from 'zod';
import { storableText, versionField } from '../api/input-safety';

import { COMMENT_MAX } from './limits';

export { COMMENT_MAX };

export const commentInputSchema = z.object({
  body: storableText().trim().min(1, 'Write a comment first.').max(COMMENT_MAX, `Keep a comment under ${COMMENT_MAX} characters.`),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const resolveInputSchema = z.object({ version: versionField });

export type Mentionable = { id: string; name: string; email: string };

const WORD = /[\p{L}\p{N}_]/u;

/**
 * The ids of the colleagues the body mentions. At each "@" the longest email or name that follows
 * (case-insensitive, ending where a word ends) wins, so "@Jo Parker" is not also "@Jo".
 */
export function findMentions(body: string, people: Mentionable[]): string[] {
  const found = new Set<string>();
  const lower = body.toLowerCase();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    // "jo@desk.example" inside a word is an address, not a mention.
    if (at > 0 && WORD.test(body[at - 1]!)) continue;
    let best: { id: string; length: number } | null = null;
    for (const p of people) {
      for (const handle of [p.email, p.name]) {
        const h = handle.trim().toLowerCase();
        if (!h || !lower.startsWith(h, at + 1)) continue;
        const next = body[at + 1 + h.length];
        if (next !== undefined && WORD.test(next)) continue;
        if (!best || h.length > best.length) best = { id: p.id, length: h.length };
      }
    }
    if (best) found.add(best.id);
  }
  return [...found];
}
