import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, approveAll, signIn } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');
type Claim = { id: string; ordinal: number; quote: string; text: string; version: number; publicState: { kind: string; label: string } };

test('the screen, the API and every export say the same thing about every claim', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.editor);
  const api = page.request;
  const { id } = (await (await api.post('/api/articles', { data: { title: 'States (agree)', text: seed } })).json()) as { id: string };
  const claims = async () => ((await (await api.get(`/api/articles/${id}`)).json()) as { claims: Claim[] }).claims;
  const by = async (words: string) => (await claims()).find((c) => c.quote.includes(words))!;
  const verdict = async (words: string, rating: string) => {
    const c = await by(words);
    expect((await api.post(`/api/claims/${c.id}/verdict`, { data: { rating, explanation: `${rating} per the record.`, version: c.version } })).status()).toBe(201);
  };
  const dismiss = async (words: string) => {
    const c = await by(words);
    expect((await api.post(`/api/claims/${c.id}/dismiss`, { data: { reason: 'Not a factual claim', version: c.version } })).status()).toBe(200);
  };
  await verdict('killed 87 people', 'True');
  await verdict('eighth veto by Russian Federation', 'True');
  await dismiss('eighth veto by Russian Federation'); // rated, then dismissed: the rating is withdrawn
  await dismiss("Russia's veto was the eighth");
  await verdict("Russia's veto was the eighth", 'Mostly false'); // dismissed, then rated
  await verdict('dozens of letters', 'Unverifiable');
  await verdict('level of trust between his country', 'Mixed');
  // A second person approves them (decision 018); a verdict given after that awaits approval and is
  // shown as such, published nowhere.
  await approveAll(browser, id);
  await verdict('Despite initial hopes in Moscow', 'False');
  // A new draft changes the wording under the Mixed verdict: stale.
  const draft = seed.replace('has dropped further since', 'has fallen sharply since');
  expect((await api.post(`/api/articles/${id}/revisions`, { data: { text: draft } })).status()).toBe(201);

  const current = await claims();
  const kinds = new Set(current.map((c) => c.publicState.kind));
  expect([...kinds].sort()).toEqual(['awaiting', 'dismissed', 'open', 'rated', 'stale']);

  await page.goto(`/articles/${id}`);
  const html = await (await api.get(`/api/articles/${id}/export?format=html`)).text();
  const csv = (await (await api.get(`/api/articles/${id}/export?format=csv`)).text()).replace(/^\uFEFF/, '').split('\r\n');
  const ld = (await (await api.get(`/api/articles/${id}/export?format=jsonld`)).json()) as Array<{ claimReviewed: string; reviewRating: { alternateName: string } }>;
  const md = await (await api.get(`/api/articles/${id}/export?format=md`)).text();
  for (const c of current) {
    const label = c.publicState.label;
    await expect(page.locator(`#mark-${c.id}`), `screen, claim ${c.ordinal}`).toHaveAttribute('data-status', label);
    expect(html, `HTML, claim ${c.ordinal}`).toContain(`data-claim="${c.id}" data-state="${c.publicState.kind}" data-verdict="${label}"`);
    expect(csv.find((r) => r.startsWith(`c${c.ordinal},`)), `CSV, claim ${c.ordinal}`).toContain(`,${label},`);
    const review = ld.find((r) => r.claimReviewed === c.text);
    expect(review?.reviewRating.alternateName, `JSON-LD, claim ${c.ordinal}`).toBe(c.publicState.kind === 'rated' ? label : undefined);
  }
  // Markdown: each rated claim's footnote, and no footnote for the withdrawn or stale rating.
  expect(md).toContain('**Mostly false**: Mostly false per the record.');
  expect(md).toContain('**Not checkable**: Not a factual claim');
  expect(md.match(/\*\*True\*\*/g) ?? []).toHaveLength(1);
  expect(md).not.toContain('Mixed per the record');
  expect(md).not.toContain('False per the record');
  await expect(page.getByRole('tab', { name: /Awaiting approval/ })).toContainText('1');
  await expect(page.getByRole('tab', { name: /Changed/ })).toContainText('1');
});
