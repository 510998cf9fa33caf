// Two people, two browsers, one claim: for every action that changes a claim (or a link), the person
// whose page is stale gets the colleague's change beside their unsaved input, and chooses: keep
// mine, take theirs, or merge. Nothing is overwritten silently, nothing typed is lost (decision 019).
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, colleague, signIn } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');
type Claim = {
  id: string; ordinal: number; quote: string; version: number; status: string; dismissReason: string | null;
  verdict: { rating: string; explanation: string } | null; sources: Array<{ id: string; title: string }>;
  assignee: { id: string; name: string } | null; dueAt: string | null; speaker: { name: string; type: string } | null;
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
  /** The colleague (the admin, or the reviewer when the editor has the stale page, unless said). */
  colleagueAs?: string;
  /** The article's text (the seed article unless said) and the words of the claim opened. */
  text?: string;
  words?: string;
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
  /** The claim afterwards, read over the API (with the stale page's session). */
  after: (claim: Claim, article: { claims: Claim[]; relations: Relation[] }, page: Page) => void | Promise<void>;
};

const source = { url: 'https://example.org/opcw', title: 'OPCW report', stance: 'supports' };

/** A sentence no other journey reviews, so the archive's best match for it is the one set up here. */
const FLOODS = 'The floods in Sindh province displaced 33 million people in 2022, the United Nations said.';

/** The link between the veto claims that extraction suggests ("states the same fact as"). */
async function vetoLink(page: Page, id: string) {
  const { claims, relations } = await articleOf(page, id);
  const veto = claims.find((c) => c.quote.includes('It was the eighth veto'))!;
  return relations.find((x) => x.type === 'duplicates' && (x.a === veto.id || x.b === veto.id))!;
}

async function usersByEmail(page: Page): Promise<Map<string, string>> {
  const { users } = (await (await page.request.get('/api/users')).json()) as { users: Array<{ id: string; email: string }> };
  return new Map(users.map((u) => [u.email, u.id]));
}

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
    words: 'It was the eighth veto',
    theirs: async (p, id) => {
      const r = await vetoLink(p, id);
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
  {
    name: 'dismiss a link (keep mine)',
    words: 'It was the eighth veto',
    prepare: async () => undefined,
    theirs: async (p, id) => {
      const r = await vetoLink(p, id);
      expect((await p.request.post(`/api/relations/${r.id}/confirm`, { data: { version: r.version } })).status()).toBe(200);
    },
    send: (d) => d.locator('[data-relation-type="duplicates"]').getByRole('button', { name: 'Dismiss' }).click(),
    shows: { theirs: /The link is now confirmed/, mine: /Dismiss the link to claim \d+/ },
    choose: 'Keep mine',
    after: (_c, a) => {
      expect(a.relations.filter((r) => r.type === 'duplicates').map((r) => r.status)).toContain('dismissed');
    },
  },
  {
    name: 'reuse an archived verdict (keep mine)',
    text: FLOODS,
    words: 'displaced 33 million',
    before: async (p) => {
      // An earlier article reviewed the same sentence: it shows under "Checked before".
      const res = await p.request.post('/api/articles', { data: { title: 'Archive: Sindh floods', text: FLOODS } });
      const c = ((await res.json()) as { claims: Claim[] }).claims[0]!;
      const v = await p.request.post(`/api/claims/${c.id}/verdict`, { data: { rating: 'Mostly true', explanation: 'Archived: the UN counted 33 million.', version: c.version } });
      expect(v.status(), await v.text()).toBe(201);
    },
    prepare: (d) => expect(d.getByTestId('archive-match').filter({ hasText: 'Archive: Sindh floods' })).toBeVisible(),
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: false, it was 8 million.', 'displaced 33 million'),
    send: (d) => d.getByTestId('archive-match').filter({ hasText: 'Archive: Sindh floods' }).getByRole('button', { name: 'Reuse this verdict and its sources' }).click(),
    shows: { theirs: /Theirs: false, it was 8 million\./, mine: /Reuse the verdict Mostly true from “Archive: Sindh floods”/ },
    choose: 'Keep mine',
    after: (c) => {
      expect(c.verdict?.rating).toBe('Mostly true');
      expect(c.verdict?.explanation).toBe('Archived: the UN counted 33 million.');
    },
  },
  {
    name: 'send back with a comment (keep mine)',
    as: ACCOUNTS.editor,
    before: (p, id) => theirVerdict(p, id, 'First verdict.'),
    prepare: (d) => d.getByLabel('Send back with a comment (what to check again)').fill('Mine: name who counted the 87.'),
    theirs: (p, id) => theirVerdict(p, id, 'Second verdict, newer.'),
    send: (d) => d.getByRole('button', { name: 'Send back', exact: true }).click(),
    shows: { theirs: /Second verdict, newer\./, mine: /Mine: name who counted the 87\./ },
    choose: 'Keep mine',
    after: async (c, _a, p) => {
      expect(c.status).toBe('in_review');
      const history = await (await p.request.get(`/api/claims/${c.id}/history?format=json`)).text();
      expect(history).toContain('Mine: name who counted the 87.');
    },
  },
  {
    name: 'assign with a due time (keep mine)',
    as: ACCOUNTS.editor,
    colleagueAs: ACCOUNTS.admin,
    prepare: async (d) => {
      await d.getByLabel('Assign to').selectOption({ label: ACCOUNTS.reviewer });
      await d.getByLabel('Due (optional)').fill('2030-01-15T10:00');
    },
    theirs: async (p, id) => {
      const c = await claimOf(p, id);
      const admin = (await usersByEmail(p)).get(ACCOUNTS.admin)!;
      const res = await p.request.post(`/api/claims/${c.id}/assign`, { data: { reviewerId: admin, due: null, version: c.version } });
      expect(res.status(), await res.text()).toBe(200);
    },
    send: (d) => d.getByRole('button', { name: 'Assign', exact: true }).click(),
    shows: { theirs: new RegExp(`Assigned to${ACCOUNTS.admin}`), mine: /reviewer@newsroom\.example.*2030-01-15 10:00/s },
    choose: 'Keep mine',
    after: (c) => {
      expect(c.assignee?.name).toBe(ACCOUNTS.reviewer);
      expect(c.dueAt).toBe(new Date('2030-01-15T10:00').toISOString());
    },
  },
  {
    name: 'resolve a comment (keep mine)',
    before: async (p, id) => {
      const c = await claimOf(p, id);
      expect((await p.request.post(`/api/claims/${c.id}/comments`, { data: { body: 'Is 87 the final count?' } })).status()).toBe(201);
    },
    prepare: (d) => expect(d.getByTestId('comment').filter({ hasText: 'Is 87 the final count?' })).toBeVisible(),
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: 87 is final.'),
    send: (d) => d.getByTestId('comment').filter({ hasText: 'Is 87 the final count?' }).getByRole('button', { name: /^Resolve/ }).click(),
    shows: { theirs: /Theirs: 87 is final\./, mine: /Resolve .*comment “Is 87 the final count\?”/ },
    choose: 'Keep mine',
    after: async (c, _a, p) => {
      const { comments } = (await (await p.request.get(`/api/claims/${c.id}/comments`)).json()) as { comments: Array<{ resolvedAt: string | null }> };
      expect(comments.map((x) => x.resolvedAt !== null)).toEqual([true]);
    },
  },
  {
    name: 'attribution (take theirs)',
    prepare: (d) => d.getByRole('form', { name: 'Attributed to' }).getByLabel('Name').fill('Mine: the health ministry'),
    theirs: async (p, id) => {
      const c = await claimOf(p, id);
      const res = await p.request.post(`/api/claims/${c.id}/speaker`, { data: { name: 'Theirs: the White House', type: 'Organization', version: c.version } });
      expect(res.status(), await res.text()).toBe(200);
    },
    send: (d) => d.getByRole('button', { name: 'Save attribution' }).click(),
    shows: { theirs: /Theirs: the White House \(Organization\)/, mine: /Mine: the health ministry/ },
    choose: 'Take theirs',
    after: (c) => {
      expect(c.speaker?.name).toBe('Theirs: the White House');
    },
  },
  {
    name: 'not a claim (take theirs)',
    prepare: (d) => d.getByRole('button', { name: 'Correct the extraction' }).click(),
    theirs: (p, id) => theirVerdict(p, id, 'Theirs: it is a claim, and true.'),
    send: (d) => d.getByRole('button', { name: 'Not a claim', exact: true }).click(),
    shows: { theirs: /Theirs: it is a claim, and true\./, mine: /Mark these words as not a claim/ },
    choose: 'Take theirs',
    after: (c) => {
      expect(c.status).toBe('reviewed');
    },
  },
];

for (const k of CASES) {
  test(`two browsers, a stale page: ${k.name}`, async ({ page, browser }) => {
    await signIn(page, k.as ?? ACCOUNTS.reviewer);
    // The colleague: another person in another browser context. The editor loads the article.
    const other = await colleague(browser, k.colleagueAs ?? (k.as === ACCOUNTS.editor ? ACCOUNTS.reviewer : ACCOUNTS.admin));
    const loader = k.as === ACCOUNTS.editor ? page : other.page;
    const created = await loader.request.post('/api/articles', { data: { title: `Two browsers: ${k.name}`, text: k.text ?? seed } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    if (k.before) await k.before(other.page, id);

    // This page misses live updates (its event stream is cut, as on a flaky connection): without
    // that the colleague's change would refresh it within a second and it would not be stale.
    await page.route('**/api/articles/*/events**', (route) => route.abort());
    await page.goto(`/articles/${id}`);
    const words = k.words ?? WORDS;
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
        await k.after(await claimOf(page, id, words), await articleOf(page, id), page);
        return true;
      } catch {
        return false;
      }
    }).toBe(true);
    await k.after(await claimOf(page, id, words), await articleOf(page, id), page);
    await other.close();
  });
}

// Outside the claim dialog: the editor's publish panel and the dashboard's one-click reassign.
test('two browsers, a stale page: accept a correction on the publish panel (keep mine, having seen theirs)', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.editor);
  const other = await colleague(browser, ACCOUNTS.reviewer);
  const created = await page.request.post('/api/articles', { data: { title: 'Two browsers: correction', text: seed } });
  const { id } = (await created.json()) as { id: string };
  // Corrections wait on the publish panel once the verdict is published: no approval step here.
  expect((await page.request.post(`/api/articles/${id}/approval`, { data: { approvalRequired: false } })).status()).toBe(200);
  const rate = async (correction: string) => {
    const c = await claimOf(other.page, id);
    const res = await other.page.request.post(`/api/claims/${c.id}/verdict`, { data: { rating: 'Mostly true', explanation: 'Counted 87.', correction, version: c.version } });
    expect(res.status(), await res.text()).toBe(201);
  };
  await rate('after the attack on a rebel-held Syrian town killed at least 87 people.');
  await page.route('**/api/articles/*/events**', (route) => route.abort());
  await page.goto(`/articles/${id}`);
  const { ordinal } = await claimOf(page, id);
  await rate('after the attack on a rebel-held Syrian town killed 89 people.');
  await page.getByRole('button', { name: `Accept correction ${ordinal}` }).click();

  const panel = page.getByTestId('conflict-panel');
  await expect(panel.getByRole('region', { name: 'Their change (saved)' })).toContainText('killed 89 people');
  await expect(panel.getByRole('region', { name: 'Your unsaved input' })).toContainText('killed at least 87 people');
  await panel.getByRole('button', { name: 'Keep mine' }).click();
  await expect(panel).toBeHidden();
  const after = (await claimOf(page, id)) as Claim & { verdict: { correction: string; correctionStatus: string } };
  expect(after.verdict.correctionStatus).toBe('accepted');
  expect(after.verdict.correction, 'the correction accepted is the one the panel showed as theirs').toContain('killed 89 people');
  await other.close();
});

test('two browsers, a stale page: the dashboard\'s one-click reassign (keep mine)', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.editor);
  const other = await colleague(browser, ACCOUNTS.admin);
  const title = `Two browsers: reassign ${Date.now().toString(36)}`;
  const created = await other.page.request.post('/api/articles', { data: { title, text: seed } });
  const { id } = (await created.json()) as { id: string };
  const ids = await usersByEmail(other.page);
  const assign = async (email: string, due: string | null) => {
    const c = await claimOf(other.page, id);
    const res = await other.page.request.post(`/api/claims/${c.id}/assign`, { data: { reviewerId: ids.get(email), due, version: c.version } });
    expect(res.status(), await res.text()).toBe(200);
    return c;
  };
  // Overdue: due an hour ago.
  const { ordinal } = await assign(ACCOUNTS.reviewer, new Date(Date.now() - 3600_000).toISOString());
  await page.goto('/dashboard');
  const row = page.getByTestId('overdue-table').getByRole('row').filter({ hasText: `Claim ${ordinal} in ${title}` });
  await row.getByLabel(`Reassign claim ${ordinal} to`).selectOption({ label: ACCOUNTS.editor });
  // The admin takes the claim over meanwhile.
  await assign(ACCOUNTS.admin, null);
  await row.getByRole('button', { name: `Reassign claim ${ordinal}` }).click();

  const panel = row.getByTestId('conflict-panel');
  await expect(panel.getByRole('region', { name: 'Their change (saved)' })).toContainText(`Assigned to${ACCOUNTS.admin}`);
  await expect(panel.getByRole('region', { name: 'Your unsaved input' })).toContainText(`Reassign to${ACCOUNTS.editor}`);
  await panel.getByRole('button', { name: 'Keep mine' }).click();
  await expect.poll(async () => (await claimOf(page, id)).assignee?.name).toBe(ACCOUNTS.editor);
  await other.close();
});

// The drag path has the same panel as the dialog's boundary buttons: a claim edge dragged on a stale
// page shows the colleague's claim beside the dragged span, which stays on screen until chosen.
test('two browsers, a stale page: drag a claim\'s edge in the text (keep mine)', async ({ page, browser }) => {
  const VETO = 'It was the eighth veto';
  const editor = await colleague(browser, ACCOUNTS.editor);
  const created = await editor.page.request.post('/api/articles', { data: { title: 'Two browsers: dragged edge', text: seed } });
  const { id } = (await created.json()) as { id: string };
  await signIn(page, ACCOUNTS.reviewer);
  // No live updates on this page: it stays stale, as a page does between a save and its refresh.
  await page.route('**/api/articles/*/events**', (route) => route.abort());
  await page.goto(`/articles/${id}`);
  const mark = page.locator('mark.claim').filter({ hasText: VETO });
  await mark.click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await theirVerdict(editor.page, id, 'Security Council records: eighth veto.', VETO);

  // Drag the end back to about "Federation" (inside the claim, so the claim shrinks).
  const handle = mark.getByTestId('drag-end');
  const box = (await handle.boundingBox())!;
  const target = await mark.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf('Russian Federation');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at + 'Russian Federation'.length - 1);
      range.setEnd(n, at + 'Russian Federation'.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error('"Russian Federation" is not in the mark');
  });
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();

  const panel = page.getByTestId('drag-conflict').getByTestId('conflict-panel');
  await expect(panel.getByRole('region', { name: 'Their change (saved)' })).toContainText('Security Council records: eighth veto.');
  // The text reflows as the mark follows the pointer, so where the end lands is read off the panel.
  const mine = panel.getByRole('region', { name: 'Your unsaved input' });
  await expect(mine).toContainText(/The claim becomes “It was the eighth veto by [^”]+”\./);
  const dragged = /The claim becomes “([^”]+)”/.exec((await mine.textContent()) ?? '')![1]!;
  expect(dragged).not.toContain('resolution');
  // The dragged span is not dropped while the person decides.
  await expect(mark).not.toContainText('resolution');
  await expect(page.getByTestId('drag-error')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Keep mine' }).click();
  await expect(panel).toBeHidden();
  const after = await claimOf(page, id, VETO);
  expect(after.quote, 'the span kept is the one the panel showed as mine').toBe(dragged);
  expect(after.verdict?.explanation, 'their verdict was seen, not lost').toBe('Security Council records: eighth veto.');
  await editor.close();
});
