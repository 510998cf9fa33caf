// Who a claim attributes its figure to, named as the article names them ("the auditors", "Mayor Ana
// Torres", "the county's budget office"), for attributed disagreements: "$12 million (the mayor) vs
// $15 million (the auditors)". Broader than extract.ts's findSpeaker, which wants a capitalised name.

const VERBS = 'said|says|say|put|puts|estimated|estimates|told|reported|reports|found|finds|calculated|projected|projects|claimed|claims|insisted|insists|stated|states|argued|argues|counted|counts|pegged|pegs|placed|places|wrote|announced|announces|maintained|maintains|believes|believed';
const AFTER = new RegExp(`[,"\u201d]\\s*((?:the\\s+|a\\s+|an\\s+)?[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){0,4}?)\\s+(?:${VERBS})\\b[^,]{0,40}[.!]?\\s*$`, 'u');
const BEFORE = new RegExp(`^(?:\\s*(?:But|And|However|Yet|Meanwhile|Still)\\s*,?\\s+)?((?:the\\s+|a\\s+|an\\s+)?[\\p{L}'’.-]+(?:\\s+[\\p{L}'’.-]+){0,4}?)\\s+(?:also\\s+|later\\s+|then\\s+|has\\s+|have\\s+|had\\s+)?(?:${VERBS})\\b`, 'iu');
const ACCORDING = /according to\s+((?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,4}?)(?=[,.;]|\s+(?:in|on|at|which|who|that)\b|$)/u;
// What cannot be a source: pronouns ("it said") and the claim's own measure ("the cost is").
const NOT_A_SOURCE = /^(?:it|this|that|there|which|who|the (?:report|survey|study|figure|number|total|cost|estimate|bill|price|count))$/i;

export function findSpeakerName(quote: string): string | undefined {
  const m = ACCORDING.exec(quote) ?? AFTER.exec(quote) ?? BEFORE.exec(quote);
  const name = m?.[1]?.trim();
  if (!name || NOT_A_SOURCE.test(name) || name.split(/\s+/).length > 5) return undefined;
  return name.replace(/[.,;:]+$/, '').replace(/^(?:The|A|An)\s/, (w) => w.toLowerCase());
}
