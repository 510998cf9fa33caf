// ClaimReview JSON-LD (schema.org) for each reviewed claim.
import { ratingValue } from '../verdicts/scale';
import type { ExportBundle } from './bundle';

export function exportJsonLd(b: ExportBundle): object[] {
  return b.claims
    .filter((c) => c.verdict)
    .map((c) => {
      const v = c.verdict!;
      const value = ratingValue(v.rating);
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: `${b.article.url}#claim-${c.ordinal}`,
        claimReviewed: c.text,
        datePublished: v.createdAt.slice(0, 10),
        author: { '@type': 'Organization', name: b.publisher },
        reviewRating: {
          '@type': 'Rating',
          ...(value === null ? {} : { ratingValue: value }),
          bestRating: 5,
          worstRating: 1,
          alternateName: v.rating,
        },
        itemReviewed: {
          '@type': 'Claim',
          ...(b.article.byline ? { author: { '@type': 'Person', name: b.article.byline } } : {}),
          datePublished: b.article.createdAt.slice(0, 10),
          appearance: { '@type': 'CreativeWork', url: b.article.url, headline: b.article.title },
        },
        reviewBody: v.explanation,
      };
    });
}
