import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicState } from '../verdicts/public-state';
import type { ExportBundle, ExportClaim } from './bundle';
import { csvCell, exportCsv } from './csv';
import { exportHtml } from './html';
import { exportJsonLd, stringifyForScript } from './jsonld';
import { escapeMarkdown, exportMarkdown } from './markdown';
import { exportVerifiedHtml, exportVerifiedMarkdown } from './verified';

const text = 'Officials said <b>87</b> people died. The bridge closed.';
const verdict = {
  rating: 'Mostly false', explanation: 'It was 78 <img src=x onerror=alert(1)>.', correction: 'Officials said 78 people died.',
  correctionStatus: 'accepted', author: 'rev@example.com', createdAt: '2026-11-20T09:00:00.000Z',
};
const rated: ExportClaim = {
  id: 'k1', ordinal: 1, start: 0, end: 37, quote: text.slice(0, 37), text: text.slice(0, 37), type: 'statistic', status: 'reviewed', dismissReason: null,
  publicState: publicState({ status: 'reviewed', verdict }), verdict, speaker: { name: 'Officials', type: 'Organization' },
  sources: [
    { url: 'javascript:alert(1)', title: 'Bad link', publisher: '', quote: '', stance: 'refutes', accessedAt: '2026-11-20T09:00:00.000Z' },
    { url: 'https://example.org/report?a=1&b=2', title: 'Report', publisher: 'Agency', quote: '78 deaths', stance: 'refutes', accessedAt: '2026-11-20T09:00:00.000Z' },
  ],
};
const open: ExportClaim = {
  id: 'k2', ordinal: 2, start: 38, end: text.length, quote: 'The bridge closed.', text: 'The bridge closed.', type: 'event', status: 'open', dismissReason: null,
  publicState: publicState({ status: 'open', verdict: null }), verdict: null, speaker: null, sources: [],
};
const bundle: ExportBundle = {
  article: { id: 'a1', title: 'Title <script>alert(1)</script>', byline: 'Jo Writer', publicUrl: 'https://news.example/checks/bridge', createdAt: '2026-11-01T10:00:00.000Z' },
  verification: { verified: false, at: null, overrideReason: null },
  text,
  correctedText: 'Officials said 78 people died. The bridge closed.',
  corrections: [{ claimId: 'k1', ordinal: 1, kind: 'correction', at: '2026-11-21T09:00:00.000Z', text: 'An earlier version said 87. It was 78 </script>.' }],
  correctionsNote: 'Correction (2026-11-21): An earlier version said 87. It was 78.',
  publisher: 'Desk',
  exportedAt: '2026-11-25T10:00:00.000Z',
  claims: [rated, open],
};

test('HTML export escapes everything from users, links only http(s), and says "not verified" until the gate is met', () => {
  const html = exportHtml(bundle);
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.ok(!html.includes('<img src=x'));
  assert.ok(!html.includes('<b>87</b>'));
  assert.ok(html.includes('&lt;b&gt;87&lt;/b&gt;'));
  assert.ok(!/href="javascript:/i.test(html));
  assert.ok(html.includes('href="https://example.org/report?a=1&amp;b=2"'));
  assert.match(html, /<mark class="claim verdict-mostly-false"[^>]*data-verdict="Mostly false"/);
  // Mostly false has its own shape, not False's cross: print and greyscale keep them apart.
  assert.match(html, /<span class="claim-state" aria-label="Mostly false">▼<\/span>/);
  assert.match(html, /<del>Officials said &lt;b&gt;87&lt;\/b&gt; people died.<\/del> <ins>Officials said 78 people died.<\/ins>/);
  assert.match(html, /id="note-1"/);
  assert.match(html, /Not verified/);
  assert.match(html, /data-state="open" data-verdict="Not yet checked"/);
});

test('a proposed correction is not applied to the text; it is footnoted as awaiting an editor', () => {
  const proposed = { ...rated, verdict: { ...verdict, correctionStatus: 'proposed' } };
  const html = exportHtml({ ...bundle, claims: [proposed, open] });
  assert.ok(!html.includes('<ins>'));
  assert.match(html, /Suggested correction, awaiting an editor/);
});

test('Markdown export puts an accepted correction inline, sources in footnotes, and escapes only what Markdown needs', () => {
  const md = exportMarkdown(bundle);
  assert.ok(md.includes('~~Officials said \\<b\\>87\\</b\\> people died.~~ Officials said 78 people died.[^1]'), md);
  assert.match(md, /\[\^1\]: \*\*Mostly false\*\*/);
  assert.match(md, /\[Report\]\(<https:\/\/example.org\/report\?a=1&b=2>\)/);
  assert.ok(!md.includes('](javascript:'));
  assert.equal(escapeMarkdown('The U.S. paid $3.5 million (about 40%) - a record.'), 'The U.S. paid $3.5 million (about 40%) - a record.');
  assert.equal(escapeMarkdown('# not a heading\n- not a list\n1. not a list\n*bold* [link](x) <b> ~~s~~ &amp;'), '\\# not a heading\n\\- not a list\n1\\. not a list\n\\*bold\\* \\[link\\](x) \\<b\\> \\~\\~s\\~\\~ \\&amp;');
});

test('ClaimReview JSON-LD has the fields schema.org and Google ask for, with the public URL and the speaker', () => {
  const [review, ...rest] = exportJsonLd(bundle) as Array<Record<string, any>>;
  assert.equal(rest.length, 0, 'only rated claims');
  assert.equal(review!['@type'], 'ClaimReview');
  assert.equal(review!.url, 'https://news.example/checks/bridge#claim-1');
  assert.equal(review!.claimReviewed, text.slice(0, 37));
  assert.deepEqual(review!.reviewRating, { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' });
  assert.deepEqual(review!.itemReviewed.author, { '@type': 'Organization', name: 'Officials' });
  assert.equal(review!.itemReviewed.appearance.url, 'https://news.example/checks/bridge');
  assert.equal(review!.datePublished, '2026-11-20');
  assert.equal(review!.author.name, 'Desk');
  assert.equal(review!.creativeWorkStatus, 'Draft');
  assert.deepEqual(review!.correction, [{ '@type': 'CorrectionComment', text: bundle.corrections[0]!.text, datePublished: '2026-11-21' }]);
});

test('without a public URL, ClaimReview has no url at all (never the sign-in-only review page); the byline is the author', () => {
  const b = { ...bundle, article: { ...bundle.article, publicUrl: null }, claims: [{ ...rated, speaker: null }] };
  const [review] = exportJsonLd(b) as Array<Record<string, any>>;
  assert.equal('url' in review!, false);
  assert.equal('url' in review!.itemReviewed.appearance, false);
  assert.deepEqual(review!.itemReviewed.author, { '@type': 'Person', name: 'Jo Writer' });
});

test('Unverifiable has no ratingValue, only alternateName', () => {
  const v = { ...verdict, rating: 'Unverifiable' };
  const b = { ...bundle, claims: [{ ...rated, verdict: v, publicState: publicState({ status: 'reviewed', verdict: v }) }] };
  const [review] = exportJsonLd(b) as Array<Record<string, any>>;
  assert.equal('ratingValue' in review!.reviewRating, false);
  assert.equal(review!.reviewRating.alternateName, 'Unverifiable');
  assert.match(exportHtml(b), /class="claim verdict-unverifiable"/);
});

test('JSON-LD is safe inside a <script> block and parses back to the same data', () => {
  const hostile = { ...bundle, article: { ...bundle.article, title: '</script><script>alert(1)</script>', byline: 'A & B <x>' } };
  const json = stringifyForScript(exportJsonLd(hostile), 2);
  assert.ok(!/[<>&]/.test(json), 'no raw <, > or & left');
  const page = `<script type="application/ld+json">${json}</script>`;
  const inner = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!;
  assert.deepEqual(JSON.parse(inner), JSON.parse(JSON.stringify(exportJsonLd(hostile))));
});

test('CSV has one row per claim and source, quotes fields, defuses formulas, and names the public state', () => {
  const rows = exportCsv(bundle).replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(rows.length, 1 + 2 + 1);
  assert.match(rows[0]!, /^claim,start,end,type,status,quote,verdict,.*,state,correction_status,speaker,verification$/);
  assert.match(rows.at(-1)!, /^c2,.*Not yet checked.*,open,,,not verified$/);
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell(-5), "'-5");
});

test('the verified version is the corrected text, with the corrections note, the override notice and embedded ClaimReview', () => {
  const b = { ...bundle, verification: { verified: true, at: '2026-11-24T10:00:00.000Z', overrideReason: 'Deadline: <2 claims> pending' } };
  const html = exportVerifiedHtml(b);
  assert.match(html, /<p>Officials said 78 people died. The bridge closed.<\/p>/);
  assert.ok(!html.includes('<mark'));
  assert.match(html, /<h2 id="corrections-h">Corrections<\/h2>\n<p>Correction \(2026-11-21\): An earlier version said 87. It was 78.<\/p>/);
  assert.match(html, /Published without full verification.*Deadline: &lt;2 claims&gt; pending/);
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
  assert.equal((JSON.parse(ld) as Array<{ creativeWorkStatus: string }>)[0]!.creativeWorkStatus, 'Published');
  const md = exportVerifiedMarkdown(b);
  assert.match(md, /^> \*\*Published without full verification\.\*\*/);
  assert.match(md, /Officials said 78 people died. The bridge closed.\n\n## Corrections\n\nCorrection \(2026-11-21\)/);
});
