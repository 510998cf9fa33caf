// What the review screen's client components receive: the article DTO without the fields only the
// API needs (entities, number details, the quote that the text already holds). At 500 claims this
// halves the payload the page serialises for the browser.
import type { ClaimDto, RelationDto } from '@/lib/claims/dto';
import { DEFAULT_SCALE_ENTRIES, type ScaleEntry } from '@/lib/verdicts/scale';

export type ReviewClaim = Omit<ClaimDto, 'entities' | 'numbers' | 'quote' | 'text' | 'checkworthy'> & { numbers: string[] };
export type ReviewArticle = {
  id: string; title: string; byline: string; text: string; claims: ReviewClaim[]; relations: RelationDto[];
  /** The configured verdict scale in order (decision 032): the dialog's choices and the legend. */
  scale: ScaleEntry[];
};

/** Takes any article shape that has these fields (the data layer's ArticleDto does). */
export function toReviewArticle(a: { id: string; title: string; byline: string; text: string; claims: ClaimDto[]; relations: RelationDto[]; verdictScale?: ScaleEntry[] }): ReviewArticle {
  return {
    id: a.id,
    title: a.title,
    byline: a.byline,
    text: a.text,
    relations: a.relations,
    scale: a.verdictScale ?? [...DEFAULT_SCALE_ENTRIES],
    claims: a.claims.map(({ entities: _e, numbers, quote: _q, text: _t, checkworthy: _c, ...rest }) => ({ ...rest, numbers: numbers.map((n) => n.raw) })),
  };
}
