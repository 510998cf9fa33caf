// ClaimReview JSON-LD (schema.org) for each claim whose public state is "rated". Its `url` is the
// desk's public URL for the fact check, never the sign-in-only review page; without one, `url` is
// left out. The serialised form escapes <, > and & so it can sit inside a <script> block.
import { isRated, type ExportBundle } from './bundle';

export function exportJsonLd(b: ExportBundle): object[] {
  const publicUrl = b.article.publicUrl;
  const bounds = b.ratingBounds === undefined ? { bestRating: 5, worstRating: 1 } : b.ratingBounds;
  return b.claims.filter(isRated).map((c) => {
    const v = c.verdict;
    const value = c.publicState.ratingValue;
    const author = c.speaker
      ? { '@type': c.speaker.type, name: c.speaker.name }
      : b.article.byline ? { '@type': 'Person', name: b.article.byline } : undefined;
    const corrections = b.corrections
      .filter((e) => e.claimId === c.id)
      .map((e) => ({ '@type': 'CorrectionComment', text: e.text, datePublished: e.at.slice(0, 10) }));
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      ...(publicUrl ? { url: `${publicUrl}#claim-${c.ordinal}` } : {}),
      // Draft until the publish gate is met: a desk can tell a work-in-progress file from a final one.
      creativeWorkStatus: b.verification.verified ? 'Published' : 'Draft',
      claimReviewed: c.text,
      datePublished: v.createdAt.slice(0, 10),
      author: { '@type': 'Organization', name: b.publisher },
      reviewRating: {
        '@type': 'Rating',
        ...(value === null ? {} : { ratingValue: value }),
        ...(bounds ?? {}),
        alternateName: c.publicState.label,
      },
      itemReviewed: {
        '@type': 'Claim',
        ...(author ? { author } : {}),
        datePublished: b.article.createdAt.slice(0, 10),
        appearance: { '@type': 'CreativeWork', headline: b.article.title, ...(publicUrl ? { url: publicUrl } : {}) },
      },
      reviewBody: v.explanation,
      ...(corrections.length ? { correction: corrections } : {}),
    };
  });
}

/** JSON that is safe inside <script type="application/ld+json">: no "</script>", no "<!--". */
export function stringifyForScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
