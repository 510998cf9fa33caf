// What is never a claim (issue 11 item 4). Two kinds:
// - Page furniture, by its form: bylines, datelines, photo credits and captions, "Related:" and
//   "Read more" lines, section labels with dates, URLs, citation markers and reference lists,
//   correction footers. True by definition, so these are rules, not model features.
// - Speech acts that state no checkable fact: questions, bare advice ("Residents should ..."),
//   bare predictions ("Summers like this will become the norm") and explicit opinions. A REPORT
//   of advice or a prediction ("The agency advised ...", "The company said it would ...") is a
//   claim about what was said, so any attribution keeps the sentence.
import { ATTRIBUTION } from './cues';

export type NotClaimReason = 'furniture' | 'question' | 'advice' | 'prediction' | 'opinion';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:\\d{1,2}\\s+${MONTH}\\s+\\d{2,4}|${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`;
const FURNITURE_LINE = [
  /^(?:by|written by|reporting by|additional reporting by|editing by|edited by)\s+\p{Lu}/iu,
  /^(?:photo|photograph|image|picture|pictured|caption|credit|illustration|video|graphic|source)s?\s*(?:\([^)]*\))?\s*:/iu,
  /^(?:figure|fig\.|table|chart|map)\s*\d+[a-z]?\s*[:.]/iu,
  /^(?:related|read more|see also|more on this|more|also read|recommended|watch|listen)\s*[:|\u2013\u2014-]/iu,
  /^(?:read more|advertisement|share this|subscribe|sign up|most read)\s*$/iu,
  // Calls to action: "Download the full report (PDF, 1.2 MB)", "Click here to ...".
  /^(?:download|click|tap|subscribe to|sign up|follow us|share this|view the|see the full|read the full)\b[^.!?]{0,80}(?:\((?:pdf|doc|docx|xls|csv|video|audio)\b[^)]*\)|\bhere\b)?\.?$/iu,
  /^(?:correction|corrections|clarification|editor's note|editor’s note|update|updated)\b\s*(?:\([^)]*\))?\s*:/iu,
  /^(?:references|sources|notes|footnotes|bibliography|further reading)\s*:?$/iu,
  // A correction footer in prose: "This article was amended on 9 May to correct ...", "An earlier
  // version of this story misstated ...". It talks about the article, not the news.
  /^(?:this\s+(?:article|story|piece|page|post)\s+(?:was|has been|had been)\s+(?:amended|corrected|updated|edited|changed)|(?:an earlier|a previous)\s+version\s+of\s+this\s+(?:article|story|piece|page|post))\b/iu,
  /^\[\d+\]\s/u,
  /^(?:https?:\/\/|www\.)\S+$/iu,
];
// "Business | 02 Jun 2025", "(14 Mar 25 | UK News )", "Science & Health | 21 Jul 2025 | 6 min read".
// A dot inside a token ("CRVN.O", "$171.40") is no sentence end: a ticker line is a label too.
const SECTION_LABEL = new RegExp(`^\\(?(?:[^.!?]|\\.(?=\\w)){0,60}\\|(?:[^.!?]|\\.(?=\\w)){0,60}\\)?$`, 'u');
const DATED_LABEL = new RegExp(`^\\(?\\s*(?:[\\p{L}&' ]{1,40}\\s*[|\\u2022\\u00b7-]\\s*)?${DATE}(?:\\s*[|\\u2022\\u00b7-]\\s*[\\p{L}\\d&' ]{1,40})*\\s*\\)?$`, 'iu');
// A dateline opening the first paragraph: "BROOKFIELD, March 13 (Wire) - ", "GREYFORD (Reuters) — ".
const DATELINE = new RegExp(`^\\p{Lu}[\\p{Lu}\\s.'-]{2,40}(?:,\\s*[\\p{Lu}][\\p{L}.]*)?(?:,\\s*${DATE})?\\s*(?:\\([^)]{1,30}\\))?\\s*[-\\u2013\\u2014:]\\s+`, 'u');

/** Whether a whole paragraph (or line) is page furniture. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (FURNITURE_LINE.some((re) => re.test(t))) return true;
  if (SECTION_LABEL.test(t) && t.split(/\s+/).length <= 14) return true;
  if (DATED_LABEL.test(t)) return true;
  return false;
}

/** Whether a paragraph starts a reference list, after which reference entries are furniture too. */
export function startsReferences(line: string): boolean {
  return /^(?:references|sources|notes|footnotes|bibliography|further reading)\s*:?$/iu.test(line.trim());
}

/** Length of a dateline at the start of `s` ("BROOKFIELD, March 13 (Wire) - "), else 0. */
export function datelineLength(s: string): number {
  const m = DATELINE.exec(s);
  if (!m) return 0;
  // The dateline's place is in capitals; "The" or "WHO said" is no dateline.
  const place = m[0].split(/[,(\-\u2013\u2014:]/)[0]!.trim();
  return place.length >= 3 && place === place.toUpperCase() && /\p{Lu}{3}/u.test(place) ? m[0].length : 0;
}

/** Length of the citation markers and spaces at the end of `s` ("... of Tarrowby.[1]"), else 0. */
export function trailingCitationLength(s: string): number {
  const m = /(?:\s*\[(?:\d+(?:[,\u2013-]\d+)*|citation needed|note \d+)\])+\s*$/iu.exec(s);
  return m ? m[0].length : 0;
}

const ADVICE = /\b(?:should|ought to|had better|is advised to|are advised to|are urged to|is urged to)\b/i;
const IMPERATIVE = /^[\s"'\u201c]*(?:Let's|Let us|Please|Don't|Do not|Make sure|Remember|Consider|Try|Imagine|Avoid|Check|Keep|Call|Stay|Drink|Wear)\b/;
const PREDICTION = /\b(?:will|won't|'ll|is going to|are going to|is (?:un)?likely to|are (?:un)?likely to|is expected to|are expected to|is set to|are set to|is bound to|are bound to)\b/i;
const OPINION = /\b(?:frankly|honestly|clearly|obviously|of course|I think|I believe|we believe|in my view|in our view|it is hard to see|it is easy to see|could be forgiven|it is time|shameful|disgraceful|outrageous|ridiculous|absurd|a kick in the teeth|back to square one|at sixes and sevens)\b/i;
// A report: someone said, advised, predicted, found. "according to" too.
const REPORT = new RegExp(`${ATTRIBUTION.source}|\\b(?:advised|advises|recommended|recommends|urged|urges|predicted|predicts|forecast|forecasts|expects|expected|found|finds|projected|projects|plans|planned|promised|pledged|vowed|ordered|told)\\b`, 'i');

/** The main clause of a sentence: what is left after removing relative clauses between commas. */
function mainClause(s: string): string {
  return s.replace(/,\s+(?:which|who|whom|whose)\b[^,]*(?:,|$)/g, ',');
}

/** Why a sentence is not a claim (question, bare advice, bare prediction, opinion), or null. */
export function notClaimReason(sentence: string): NotClaimReason | null {
  const t = sentence.trim();
  if (/\?\s*["'\u201d\u2019)]*$/u.test(t)) return 'question';
  const main = mainClause(t);
  const reported = REPORT.test(main);
  if (IMPERATIVE.test(t)) return 'advice';
  if (ADVICE.test(main) && !reported) return 'advice';
  if (OPINION.test(main) && !reported) return 'opinion';
  // A scheduled, dated event ("The line will open in 2027") is checkable; a hedged or undated
  // forecast is not.
  const dated = /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|next (?:week|month|year))\b/.test(main);
  if (PREDICTION.test(main) && !reported && (!dated || /\b(?:almost certainly|probably|likely|unlikely)\b/i.test(main))) return 'prediction';
  return null;
}
