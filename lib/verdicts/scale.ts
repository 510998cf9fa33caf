// The default verdict scale (PRODUCT.md) and its ClaimReview mapping.
export const VERDICT_SCALE = [
  { rating: 'True', ratingValue: 5 },
  { rating: 'Mostly true', ratingValue: 4 },
  { rating: 'Mixed', ratingValue: 3 },
  { rating: 'Mostly false', ratingValue: 2 },
  { rating: 'False', ratingValue: 1 },
  { rating: 'Unverifiable', ratingValue: null },
] as const;

export type Rating = (typeof VERDICT_SCALE)[number]['rating'];
export const RATINGS = VERDICT_SCALE.map((v) => v.rating) as [Rating, ...Rating[]];

export function ratingValue(rating: string): number | null {
  return VERDICT_SCALE.find((v) => v.rating === rating)?.ratingValue ?? null;
}

/** A short stable token for CSS classes and data attributes: "Mostly false" -> "mostly-false". */
export function ratingSlug(rating: string): string {
  return rating.toLowerCase().replace(/[^a-z]+/g, '-');
}
