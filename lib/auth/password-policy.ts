// Which new passwords we accept: at least 12 characters and not easy to guess, judged by zxcvbn-ts
// with its common-password list (passwords seen in breaches), English words and names, keyboard
// patterns, repeats, dates and l33t spellings. Score 3 of 4 is "safely unguessable" against an
// online attacker and slows an offline one (zxcvbn's own scale).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { MIN_PASSWORD_LENGTH } from './password';

const MIN_SCORE = 3;

let checker: Promise<ZxcvbnFactory> | null = null;

// Loaded on first use: the dictionaries take ~0.5 s and ~100 MB, which a server that never creates
// an account should not pay at start.
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory: Factory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new Factory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // Bounds the worst case (a long password full of l33t-able characters) to ~0.2 s here instead
      // of seconds; anything that long and varied scores high anyway.
      l33tMaxSubstitutions: 10,
      maxLength: 64,
    });
  })();
  return checker;
}

/**
 * Why this password is refused, or null when it is fine. `related` are the account's own words
 * (email, name): a password made of them is easy to guess for anyone who knows the account.
 */
export async function passwordProblem(password: string, related: string[] = []): Promise<string | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const zxcvbn = await loadChecker();
  const words = related.flatMap((r) => r.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  const result = zxcvbn.check(password, words);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning.replace(/\.$/, '')}. ` : '';
  return `This password is too easy to guess. ${why}Try a longer phrase of unrelated words.`;
}
