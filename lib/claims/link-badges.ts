// Which claims the review screen badges as repeating or contradicting another claim: every link
// nobody has dismissed (suggested or confirmed), with the other claims' numbers for the badge.
import type { RelationDto } from './dto';

export type LinkBadges = {
  /** claim id -> numbers of the claims it contradicts */
  contradicts: Map<string, number[]>;
  /** claim id -> numbers of the claims stating the same fact */
  duplicates: Map<string, number[]>;
};

export function linkBadges(claims: Array<{ id: string; ordinal: number }>, relations: Array<Pick<RelationDto, 'type' | 'status' | 'a' | 'b'>>): LinkBadges {
  const ordinal = new Map(claims.map((c) => [c.id, c.ordinal]));
  const out: LinkBadges = { contradicts: new Map(), duplicates: new Map() };
  for (const r of relations) {
    if (r.status === 'dismissed') continue;
    const into = r.type === 'contradicts' ? out.contradicts : r.type === 'duplicates' ? out.duplicates : null;
    const a = ordinal.get(r.a);
    const b = ordinal.get(r.b);
    // A link to a claim not on this draft (archived) has nothing to point at on the screen.
    if (!into || a === undefined || b === undefined) continue;
    into.set(r.a, [...(into.get(r.a) ?? []), b].sort((x, y) => x - y));
    into.set(r.b, [...(into.get(r.b) ?? []), a].sort((x, y) => x - y));
  }
  return out;
}
