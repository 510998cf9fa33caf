// Two people, two browsers, one claim: for every action that changes a claim (or a link), the person
// whose page is stale gets the colleague's change beside their unsaved input, and chooses: keep
// mine, take theirs, or merge. Nothing is overwritten silently, nothing typed is lost (decision 019).
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, colleague, signIn } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');
type Claim = {
  id: string; quote: string; version: number; status: string; dismissReason: string | null;
  verdict: { rating: string; explanation: string } | null; sources: Array<{ id: string; title: string }>;
};
type Relation = { id: string; type: string; status: string; version: number; a: string; b: string };

const WORDS = 'killed 87 people';

async function articleOf(page: Page, id: string) {
  return (await (await page.request.get(`/api/articles/${id}`)).json()) as { claims: Claim[]; relations: Relation[] };
}
const claimOf = async (page: Page, id: string, words = WORDS) => (await articleOf(page, id)).claims.find((c) => c.quote.includes(words))!;

/** The colleague's change, from their own browser context: a verdict saved over the API. */
async function theirVerdict(page: Page, articleId: string, explanation: string, words = WORDS) {
  const c = await claimOf(page, articleId, words);
  const res = await page.request.post(`/api/claims/${c.id}/verdict`, { data: { rating: 'True', explanation, version: c.version } });
  expect(res.status(), await res.text()).toBe(201);
}

type Case = {
  name: string;
  /** Who has the stale page (reviewer unless said). */
  as?: string;
  /** Set-up over the API before the stale page opens. */
  before?: (page: Page, articleId: string) => Promise<void>;
  /** Typed or clicked on the stale page, up to (not including) the click that sends it. */
  prepare: (dialog: ReturnType<Page['getByRole']>) => Promise<void>;
  /** The colleague's change while the page is open. */
  theirs: (page: Page, articleId: string) => Promise<void>;
  send: (dialog: ReturnType<Page['getByRole']>) => Promise<void>;
  /** What the panel shows as theirs and as mine. */
  shows: { theirs: RegExp; mine?: RegExp };
  choose: 'Keep mine' | 'Take theirs' | 'Merge';
  /** The claim afterwards, read over the API. */
  after: (claim: Claim, article: { claims: Claim[]; relations: Relation[] }) => void;
};

const source = { url: 'https://example.org/opcw', title: 'OPCW report', stance: 'supports' };

const CASES: Case[] = [
  {
    name: 'save verdict (merge the explanations)',
    prepare: async (d) => {
      await d.getByLabel('Rating').selectOption('Mostly true');
      await d.getByLabel('Explanation').fill('Mine: the OPCW counted 87.');
    },
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: the health ministry said 87.'),
    send: (d) => d.getByRole('button', { name: 'Save verdict' }).click(),
    shows: { theirs: /Theirs: the health ministry said 87\./, mine: /Mine: the OPCW counted 87\./ },
    choose: 'Merge',
    after: (c) => {
      expect(c.verdict?.rating).toBe('Mostly true');
      expect(c.verdict?.explanation).toBe('Mine: the OPCW counted 87. Theirs: the health ministry said 87.');
    },
  },
  {
    name: 'add source (keep mine)',
    prepare: async (d) => {
      await d.getByLabel('Source URL').fill('https://example.org/mine');
      await d.getByLabel('Source title').fill('My wire copy');
    },
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: true.'),
    send: (d) => d.getByRole('button', { name: 'Add source' }).click(),
    shows: { theirs: /Theirs: true\./, mine: /My wire copy/ },
    choose: 'Keep mine',
    after: (c) => {
      expect(c.sources.map((s) => s.title)).toEqual(['My wire copy']);
      expect(c.verdict?.explanation, 'their verdict stays').toBe('Theirs: true.');
    },
  },
  {
    name: 'remove source (keep mine)',
    before: async (p, id) => {
      const c = await claimOf(p, id);
      expect((await p.request.post(`/api/claims/${c.id}/sources`, { data: { ...source, version: c.version } })).status()).toBe(201);
    },
    prepare: async () => undefined,
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: true, see the OPCW.'),
    send: (d) => d.getByRole('button', { name: 'Remove OPCW report' }).click(),
    shows: { theirs: /Theirs: true, see the OPCW\./, mine: /Remove the source “OPCW report”/ },
    choose: 'Keep mine',
    after: (c) => {
      expect(c.sources).toHaveLength(0);
      expect(c.verdict?.explanation).toBe('Theirs: true, see the OPCW.');
    },
  },
  {
    name: 'dismiss (take theirs)',
    prepare: (d) => d.getByLabel('Reason (opinion, question, prediction…)').fill('Mine: not checkable'),
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: checkable and true.'),
    send: (d) => d.getByRole('button', { name: 'Dismiss claim' }).click(),
    shows: { theirs: /Theirs: checkable and true\./, mine: /Mine: not checkable/ },
    choose: 'Take theirs',
    after: (c) => {
      expect(c.status).toBe('reviewed');
      expect(c.verdict?.explanation).toBe('Theirs: checkable and true.');
    },
  },
  {
    name: 'confirm a link (keep mine)',
    prepare: async () => undefined,
    theirs: async (p, id) => {
      const { claims, relations } = await articleOf(p, id);
      const veto = claims.find((c) => c.quote.includes('It was the eighth veto'))!;
      const r = relations.find((x) => x.type === 'duplicates' && (x.a === veto.id || x.b === veto.id))!;
      expect((await p.request.post(`/api/relations/${r.id}/dismiss`, { data: { version: r.version } })).status()).toBe(200);
    },
    send: (d) => d.locator('[data-relation-type="duplicates"]').getByRole('button', { name: 'Confirm' }).click(),
    shows: { theirs: /The link is now dismissed/ },
    choose: 'Keep mine',
    after: (_c, a) => {
      expect(a.relations.filter((r) => r.type === 'duplicates').map((r) => r.status)).toContain('confirmed');
    },
  },
  {
    name: 'approve (keep mine, on top of their newer verdict)',
    as: ACCOUNTS.editor,
    before: (p, id) => theirVerdict(p, id, 'First verdict.'),
    prepare: async () => undefined,
    theirs: (p, id) => theirVerdict(p, id, 'Second verdict, newer.'),
    send: (d) => d.getByRole('button', { name: /^Approve/ }).click(),
    shows: { theirs: /Second verdict, newer\./ },
    choose: 'Keep mine',
    after: (c) => {
      expect(c.status).toBe('approved');
      expect(c.verdict?.explanation).toBe('Second verdict, newer.');
    },
  },
];

for (const k of CASES) {
  test(`two browsers, a stale page: ${k.name}`, async ({ page, browser }) => {
    await signIn(page, k.as ?? ACCOUNTS.reviewer);
    // The colleague: another person in another browser context. The editor loads the article.
    const other = await colleague(browser, k.as === ACCOUNTS.editor ? ACCOUNTS.reviewer : ACCOUNTS.admin);
    const loader = k.as === ACCOUNTS.editor ? page : other.page;
    const created = await loader.request.post('/api/articles', { data: { title: `Two browsers: ${k.name}`, text: seed } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    if (k.before) await k.before(other.page, id);

    // This page misses live updates (its event stream is cut, as on a flaky connection): without
    // that the colleague's change would refresh it within a second and it would not be stale.
    await page.route('**/api/articles/*/events**', (route) => route.abort());
    await page.goto(`/articles/${id}`);
    const words = k.name.startsWith('confirm') ? 'It was the eighth veto' : WORDS;
    await page.locator('mark.claim').filter({ hasText: words }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await k.prepare(dialog);

    await k.theirs(other.page, id);
    await k.send(dialog);

    const panel = dialog.getByTestId('conflict-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Their change (saved)' })).toContainText(k.shows.theirs);
    if (k.shows.mine) await expect(panel.getByRole('region', { name: 'Your unsaved input' })).toContainText(k.shows.mine);

    if (k.choose === 'Merge') {
      await panel.getByRole('button', { name: 'Merge' }).click();
      // Both texts side by side; the merged one is editable and starts from mine.
      await expect(panel.getByLabel('Explanation: theirs')).toHaveValue('Theirs: the health ministry said 87.');
      const merged = panel.getByLabel('Explanation: merged (edit)');
      await expect(merged).toHaveValue('Mine: the OPCW counted 87.');
      await merged.fill('Mine: the OPCW counted 87. Theirs: the health ministry said 87.');
      await panel.getByRole('button', { name: 'Save merged' }).click();
    } else {
      await panel.getByRole('button', { name: k.choose }).click();
    }
    await expect(panel).toBeHidden();
    await expect.poll(async () => {
      try {
        k.after(await claimOf(page, id, words), await articleOf(page, id));
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
    k.after(await claimOf(page, id, words), await articleOf(page, id));
    await other.close();
  });
}
