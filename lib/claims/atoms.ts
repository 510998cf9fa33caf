// Splits a sentence that states several facts into atomic claim spans:
// "The plan cuts bus fares by 10 percent and adds 40 electric buses by 2027." -> two spans.
// Only splits where each side states its own number or names its own subject, so ordinary
// coordination ("Syria and Russia denied it") stays one claim.
import { extractNumbers } from './numbers';

export type Atom = { start: number; end: number; /** Subject carried over from the first atom. */ subject?: string };

const VERBISH = /^(?:\w{3,}ed|\w{3,}s|has|had|have|is|was|were|are|will|would|cut|put|set|hit|won|lost|grew|rose|fell|paid|spent|built|made|took|gave|said|told|added)$/i;
const NOT_VERB = /^(?:this|his|its|has been|was|us|as|is|thus|plus|less|news|series|species|bus|gas|cross|across|various|previous|famous|serious|numerous)$/i;
const CONJ_RE = /(?:;\s+|,\s+(?:and|but|while|whereas)\s+|\s+and\s+|,\s+)/g;

function words(s: string): string[] {
  return s.trim().split(/\s+/).filter(Boolean);
}

function hasNumber(s: string): boolean {
  return extractNumbers(s).some((n) => n.kind !== 'date' || /\d/.test(n.raw));
}

/** Returns the atomic spans (offsets relative to `sentence`), in order, covering the facts in it. */
export function splitAtoms(sentence: string): Atom[] {
  const cuts: Array<{ at: number; resume: number; rightStartsWithVerb: boolean }> = [];
  CONJ_RE.lastIndex = 0;
  // Never split inside quotation marks or parentheses: a quoted list is one statement.
  const insideQuote = (i: number) => {
    const before = sentence.slice(0, i);
    const straight = (before.match(/"/g) ?? []).length % 2 === 1;
    const curly = (before.match(/\u201c/g) ?? []).length > (before.match(/\u201d/g) ?? []).length;
    const paren = (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
    return straight || curly || paren;
  };
  let lastCut = 0;
  for (let m = CONJ_RE.exec(sentence); m; m = CONJ_RE.exec(sentence)) {
    const at = m.index;
    const resume = at + m[0].length;
    if (insideQuote(at)) continue;
    const left = sentence.slice(lastCut, at);
    const right = sentence.slice(resume);
    const rightWords = words(right);
    const firstRight = rightWords[0]?.replace(/[^\w]/g, '') ?? '';
    const rightStartsWithVerb = VERBISH.test(firstRight) && !NOT_VERB.test(firstRight);
    const plainComma = /^,\s+$/.test(m[0]);
    // A bare comma only separates clauses when a full clause with its own verb follows.
    if (plainComma && !rightStartsWithVerb) continue;
    if (words(left).length < 4 || rightWords.length < 3) continue;
    // The right side must carry a fact of its own: a number, and a verb within its first words.
    const rightHead = rightWords.slice(0, 5).map((w) => w.replace(/[^\w]/g, ''));
    const rightHasVerb = rightHead.some((w) => VERBISH.test(w) && !NOT_VERB.test(w));
    const nextCut = sentence.slice(resume).search(CONJ_RE);
    const rightClause = nextCut >= 0 ? right.slice(0, nextCut) : right;
    if (!rightHasVerb || !hasNumber(left) || !hasNumber(rightClause)) continue;
    cuts.push({ at, resume, rightStartsWithVerb });
    lastCut = resume;
  }
  if (cuts.length === 0) return [{ start: 0, end: sentence.length }];
  const atoms: Atom[] = [];
  let start = 0;
  const firstLeft = sentence.slice(0, cuts[0]!.at);
  // The subject of the first clause: the words before its first verb ("The plan" in "The plan cuts").
  const lw = words(firstLeft);
  const verbAt = lw.findIndex((w, i) => i > 0 && VERBISH.test(w.replace(/[^\w]/g, '')) && !NOT_VERB.test(w));
  const subject = verbAt > 0 ? lw.slice(0, verbAt).join(' ') : undefined;
  for (const cut of cuts) {
    atoms.push({ start, end: cut.at });
    start = cut.resume;
  }
  atoms.push({ start, end: sentence.length });
  return atoms.map((a, i) => (i > 0 && cuts[i - 1]!.rightStartsWithVerb && subject ? { ...a, subject } : a));
}
