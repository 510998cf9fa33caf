import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportBundle } from './bundle';
import { csvCell, exportCsv } from './csv';
import { exportHtml } from './html';
import { exportJsonLd } from './jsonld';
import { exportMarkdown } from './markdown';

const text = 'Officials said <b>87</b> people died. The bridge closed.';
const bundle: ExportBundle = {
  article: { id: 'a1', title: 'Title <script>alert(1)</script>', byline: 'Jo Writer', url: 'http://localhost:3000/articles/a1', createdAt: '2026-11-01T10:00:00.000Z' },
  text,
  publisher: 'Desk',
  exportedAt: '2026-11-25T10:00:00.000Z',
  claims: [
    {
      id: 'k1', ordinal: 1, start: 0, end: 37, quote: text.slice(0, 37), text: text.slice(0, 37), type: 'statistic', status: 'reviewed', dismissReason: null,
      verdict: { rating: 'Mostly false', explanation: 'It was 78 <img src=x onerror=alert(1)>.', correction: 'Officials said 78 people died.', author: 'rev@example.com', createdAt: '2026-11-20T09:00:00.000Z' },
      sources: [
        { url: 'javascript:alert(1)', title: 'Bad link', publisher: '', quote: '', stance: 'refutes', accessedAt: '2026-11-20T09:00:00.000Z' },
        { url: 'https://example.org/report?a=1&b=2', title: 'Report', publisher: 'Agency', quote: '78 deaths', stance: 'refutes', accessedAt: '2026-11-20T09:00:00.000Z' },
      ],
    },
    { id: 'k2', ordinal: 2, start: 38, end: text.length, quote: 'The bridge closed.', text: 'The bridge closed.', type: 'event', status: 'open', dismissReason: null, verdict: null, sources: [] },
  ],
};

test('HTML export escapes everything from users and links only http(s)', () => {
  const html = exportHtml(bundle);
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(!html.includes('<img src=x'));
  assert.ok(!html.includes('<b>87</b>'));
  assert.ok(html.includes('&lt;b&gt;87&lt;/b&gt;'));
  assert.ok(!/href="javascript:/i.test(html));
  assert.ok(html.includes('href="https://example.org/report?a=1&amp;b=2"'));
  assert.match(html, /<mark class="claim verdict-mostly-false"[^>]*data-verdict="Mostly false"/);
  assert.match(html, /<del>Officials said &lt;b&gt;87&lt;\/b&gt; people died.<\/del> <ins>Officials said 78 people died.<\/ins>/);
  assert.match(html, /id="note-1"/);
});

test('Markdown export puts the correction inline and sources in footnotes', () => {
  const md = exportMarkdown(bundle);
  assert.ok(md.includes('~~Officials said \\<b\\>87\\</b\\> people died\\.~~ Officials said 78 people died\\.[^1]'), md);
  assert.match(md, /\[\^1\]: \*\*Mostly false\*\*/);
  assert.match(md, /\[Report\]\(<https:\/\/example.org\/report\?a=1&b=2>\)/);
  assert.ok(!md.includes('](javascript:'));
});

test('ClaimReview JSON-LD has the fields schema.org and Google ask for', () => {
  const [review, ...rest] = exportJsonLd(bundle) as Array<Record<string, any>>;
  assert.equal(rest.length, 0, 'only reviewed claims');
  assert.equal(review!['@type'], 'ClaimReview');
  assert.equal(review!.claimReviewed, text.slice(0, 37));
  assert.deepEqual(review!.reviewRating, { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' });
  assert.equal(review!.itemReviewed['@type'], 'Claim');
  assert.equal(review!.itemReviewed.appearance.url, bundle.article.url);
  assert.equal(review!.datePublished, '2026-11-20');
  assert.equal(review!.author.name, 'Desk');
});

test('Unverifiable has no ratingValue, only alternateName', () => {
  const b = { ...bundle, claims: [{ ...bundle.claims[0]!, verdict: { ...bundle.claims[0]!.verdict!, rating: 'Unverifiable' } }] };
  const [review] = exportJsonLd(b) as Array<Record<string, any>>;
  assert.equal('ratingValue' in review!.reviewRating, false);
  assert.equal(review!.reviewRating.alternateName, 'Unverifiable');
});

test('CSV has one row per claim and source, quotes fields and defuses formulas', () => {
  const rows = exportCsv(bundle).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(rows.length, 1 + 2 + 1);
  assert.match(rows[0]!, /^claim,start,end,type,status,quote,verdict/);
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell(-5), "'-5");
});
