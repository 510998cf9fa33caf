// A desk working together (issue 10 items 2, 5, 7, 8): an editor assigns a claim, the reviewer finds
// it in My queue and asks a colleague with an @mention, the colleague sees the mention in their
// queue and resolves it; the editor reassigns an overdue claim from the dashboard in one click and
// downloads the history as CSV.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ACCOUNTS, PASSWORD, createArticle, expectNoSeriousViolations, signIn, signOut } from './helpers';

test('assign → My queue → comment with @mention → the colleague sees it; dashboard reassign; history CSV', async ({ page }) => {
  // Four people sign in and out in turn: more than the default minute on a shared machine.
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const rui = { email: `rui-q-${run}@newsroom.example`, name: `Rui Queue ${run}`, role: 'reviewer' };
  const ana = { email: `ana-m-${run}@newsroom.example`, name: `Ana Mention ${run}`, role: 'reviewer' };
  await signIn(page, ACCOUNTS.admin);
  for (const u of [rui, ana]) expect((await page.request.post('/api/users', { data: { ...u, password: PASSWORD } })).status()).toBe(201);
  const users = (await (await page.request.get('/api/users')).json()) as { users: Array<{ id: string; email: string }> };
  const idOf = (email: string) => users.users.find((u) => u.email === email)!.id;
  await signOut(page);

  // The editor assigns claim 1 in its dialog, and claim 2 (over the API) with a due time already past.
  await signIn(page, ACCOUNTS.editor);
  const title = `Desk journey ${run}`;
  const { id, claims } = await createArticle(page, title);
  const [c1, c2] = claims;
  const late = await page.request.post(`/api/claims/${c2!.id}/assign`, {
    data: { reviewerId: idOf(rui.email), due: new Date(Date.now() - 3600_000).toISOString(), version: c2!.version },
  });
  expect(late.status(), await late.text()).toBe(200);
  await page.goto(`/articles/${id}?claim=${c1!.id}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  await expect(dialog.getByTestId('assignee')).toContainText('Nobody owns this claim yet.');
  await dialog.getByLabel('Assign to').selectOption({ label: rui.name });
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Claim assigned.' })).toBeVisible();
  await expect(dialog.getByTestId('assignee')).toContainText(`Assigned to ${rui.name}`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await signOut(page);

  // Rui: My queue lists claim 2 (overdue, due first) then claim 1; a reviewer may not assign.
  await signIn(page, rui.email);
  // From the page itself (same origin, the browser's own connection), as the UI would send it.
  const refused = await page.evaluate(async ([url, reviewerId]) => (await fetch(url!, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reviewerId, version: 99 }),
  })).status, [`/api/claims/${c1!.id}/assign`, idOf(ana.email)]);
  expect(refused, 'a reviewer cannot assign').toBe(403);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My queue' }).click();
  const mine = page.getByTestId('queue-claim').filter({ hasText: title });
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0)).toContainText('Claim 2');
  await expect(mine.nth(0)).toContainText('Overdue: past its due time');
  await expect(mine.nth(1)).toContainText('Claim 1');
  await mine.nth(1).getByRole('link').click();
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  // Comments are text: markup typed in one is shown as typed, never run.
  const body = `@${ana.name} can you confirm the <b>figure</b> with the ministry?`;
  await dialog.getByLabel('Comment', { exact: true }).fill(body);
  await dialog.getByRole('button', { name: 'Add comment' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `${ana.name} will see it in their queue` })).toBeVisible();
  const comment = dialog.getByTestId('comment');
  await expect(comment).toHaveCount(1);
  await expect(comment.locator('.comment-body')).toHaveText(body);
  await expect(comment).toContainText(`to ${ana.name}`);
  await expect(comment.locator('b')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await signOut(page);

  // Ana: the mention is in her queue; she opens it and resolves the comment; it leaves her queue.
  await signIn(page, ana.email);
  await page.goto('/queue');
  const mention = page.getByTestId('queue-mention').filter({ hasText: title });
  await expect(mention).toHaveCount(1);
  await expect(mention).toContainText(body);
  await mention.getByRole('link').click();
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  await dialog.getByRole('button', { name: /^Resolve/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Comment resolved.' })).toBeVisible();
  await expect(dialog.getByTestId('comment')).toContainText(`resolved by ${ana.name}`);
  await page.goto('/queue');
  await expect(page.getByTestId('queue-mention').filter({ hasText: title })).toHaveCount(0);
  // Reviewers have no dashboard: they are sent to their queue.
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/queue$/);
  await signOut(page);

  // The editor: the dashboard shows claim 2 overdue with its owner; one click reassigns it to Ana.
  await signIn(page, ACCOUNTS.editor);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Desk dashboard' })).toBeVisible();
  const row = page.getByTestId('overdue-table').getByRole('row').filter({ hasText: `Claim 2 in ${title}` });
  await expect(row).toContainText(rui.name);
  await row.getByLabel('Reassign claim 2 to').selectOption({ label: ana.name });
  await row.getByRole('button', { name: 'Reassign claim 2' }).click();
  await expect(page.getByTestId('overdue-table').getByRole('row').filter({ hasText: `Claim 2 in ${title}` })).toHaveCount(0);
  await expect(page.getByTestId('verdict-table')).toContainText('Mostly false');
  await expect(page.getByTestId('reviewer-table')).toContainText(ana.name);
  await expect(page.locator('svg.bar-chart').first()).toBeVisible();
  await expect(page.getByTestId('approval-median')).toBeVisible();

  // The article list shows each article's claims by status.
  await page.goto('/');
  await expect(page.getByRole('row').filter({ hasText: title }).getByTestId('status-bar')).toContainText(/2 in review/);

  // History as CSV: every assignment and comment, with who did it.
  await page.goto(`/articles/${id}`);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV of the history' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`history-${id}.csv`);
  const csv = await readFile((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFat,actor,actor_name,type,kind,what,detail,target_type,target_id,claim,before,after');
  expect(csv).toContain(`${ACCOUNTS.editor},`);
  expect(csv).toMatch(/claim\.assigned,assignment,assigned a claim,to Rui Queue/);
  expect(csv).toContain('comment.added');
  expect(csv).toContain('comment.resolved');
  const filtered = await page.request.get(`/api/articles/${id}/history?format=json&kind=comments&actor=${encodeURIComponent(ana.email)}`);
  expect(((await filtered.json()) as { events: Array<{ type: string }> }).events.map((e) => e.type)).toEqual(['comment.resolved']);
});

test('My queue, the dashboard (with an overdue claim to reassign) and the claim thread pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.editor);
  const { id, claims } = await createArticle(page, `Desk axe ${Date.now().toString(36)}`);
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user?: { id?: string } };
  const mine = session.user?.id;
  expect(mine, 'the session names the account').toBeTruthy();
  // Assigned to myself with a past due time, so the overdue table and its reassign control render.
  const r = await page.request.post(`/api/claims/${claims[0]!.id}/assign`, { data: { reviewerId: mine, due: new Date(Date.now() - 60_000).toISOString(), version: claims[0]!.version } });
  expect(r.status(), await r.text()).toBe(200);
  expect((await page.request.post(`/api/claims/${claims[0]!.id}/comments`, { data: { body: 'A note for the desk.' } })).status()).toBe(201);
  await page.goto('/dashboard');
  await expect(page.getByTestId('overdue-table').getByRole('row').filter({ hasText: 'Desk axe' })).toHaveCount(1);
  await expectNoSeriousViolations(page, 'dashboard');
  await page.goto('/queue');
  await expect(page.getByRole('heading', { name: 'My queue' })).toBeVisible();
  await expectNoSeriousViolations(page, 'queue');
  await page.goto(`/articles/${id}?claim=${claims[0]!.id}`);
  await expect(page.getByRole('dialog').getByTestId('comment')).toHaveCount(1);
  await expectNoSeriousViolations(page, 'claim dialog with its thread');
});
