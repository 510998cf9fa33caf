// Blind double verification (issue 10 items 4 and 10, decision 031): the editor turns "two independent
// verdicts" on and gives a claim two reviewers; each rates in their own browser without seeing the
// other (not on the page, not in the API's JSON); they disagree; the editor sees it, resolves with one
// of the two, the claim is approved with that verdict, and the agreement figures show it.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, colleague, createArticle, expectNoSeriousViolations, signIn, signOut } from './helpers';

type ApiClaim = {
  id: string; status: string; doubleCheck: { phase: string; firstIn: boolean; first: { rating: string } | null; agree: boolean | null } | null;
  publishedVerdict: { rating: string; explanation: string } | null;
};

async function apiClaim(page: Page, articleId: string, claimId: string): Promise<{ claim: ApiClaim; raw: string }> {
  const res = await page.request.get(`/api/articles/${articleId}`);
  expect(res.status()).toBe(200);
  // `raw`: the whole answer except the verdict scale's list (decision 032), which names every rating
  // and so says nothing about anyone's.
  const { verdictScale: _scale, ...body } = JSON.parse(await res.text()) as { claims: ApiClaim[]; verdictScale?: unknown };
  const claim = body.claims.find((c) => c.id === claimId)!;
  return { claim, raw: JSON.stringify(body) };
}

test('double check: two blind reviewers disagree, the editor resolves, agreement shows', async ({ page, browser }) => {
  // Three people in three browsers on a shared machine.
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const ann = { email: `ann-dbl-${run}@newsroom.example`, name: `Ann Blind ${run}`, role: 'reviewer' };
  const bob = { email: `bob-dbl-${run}@newsroom.example`, name: `Bob Blind ${run}`, role: 'reviewer' };
  const annSays = `Ministry figures contradict this ${run}`;
  const bobSays = `The UN report confirms it ${run}`;
  await signIn(page, ACCOUNTS.admin);
  for (const u of [ann, bob]) expect((await page.request.post('/api/users', { data: { ...u, password: PASSWORD } })).status()).toBe(201);
  await signOut(page);

  // The editor turns the setting on (on the page) and gives claim 1 to Ann and, blind, to Bob.
  await signIn(page, ACCOUNTS.editor);
  const { id, claims } = await createArticle(page, `Double check ${run}`);
  const c1 = claims[0]!;
  await page.goto(`/articles/${id}`);
  const setting = page.getByRole('region', { name: 'Double check setting' });
  // The box shows the saved state: it turns checked once the server has recorded the change.
  await setting.getByLabel('Two independent verdicts').click();
  await expect(setting.getByLabel('Two independent verdicts')).toBeChecked();
  await expect(setting.getByText('Each rates without seeing the other’s verdict')).toBeVisible();
  await page.goto(`/articles/${id}?claim=${c1.id}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  await dialog.getByLabel('Assign to').selectOption({ label: ann.name });
  await dialog.getByLabel('Second reviewer (rates blind)').selectOption({ label: bob.name });
  await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(dialog.getByTestId('second-assignee')).toHaveText(bob.name);
  await expect(dialog.getByTestId('double-check')).toContainText('not rated yet');

  // Ann rates "Mostly false" in her own browser.
  const annB = await colleague(browser, ann.email);
  await annB.page.goto(`/articles/${id}?claim=${c1.id}`);
  const annDialog = annB.page.getByRole('dialog');
  await annDialog.getByLabel('Rating').selectOption('Mostly false');
  await annDialog.getByLabel('Explanation').fill(annSays);
  await annDialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(annDialog.getByTestId('double-check')).toContainText(`First reviewer: “Mostly false” by ${ann.name}`);
  await expect(annDialog.getByTestId('double-check')).toContainText('Second reviewer: not rated yet');

  // Bob, in his own browser, sees that Ann rated, never what: not on the page, not in the API.
  const bobB = await colleague(browser, bob.email);
  await bobB.page.goto(`/articles/${id}?claim=${c1.id}`);
  const bobDialog = bobB.page.getByRole('dialog');
  await expect(bobDialog.getByTestId('double-check')).toContainText('First reviewer: rated (hidden until both ratings are in)');
  await expectNoSeriousViolations(bobB.page, 'claim dialog during a blind double check');
  await expect(bobB.page.getByText(annSays)).toHaveCount(0);
  expect(await bobB.page.content()).not.toContain(annSays);
  const blind = await apiClaim(bobB.page, id, c1.id);
  expect(blind.raw).not.toContain(annSays);
  expect(blind.raw).not.toContain('Mostly false');
  expect(blind.claim.doubleCheck).toMatchObject({ phase: 'blind', firstIn: true, first: null, agree: null });
  const history = await bobB.page.request.get(`/api/claims/${c1.id}/history?format=csv`);
  expect(await history.text()).not.toContain(annSays);
  // Bob rates "True": the ratings are in, and they disagree.
  await bobDialog.getByLabel('Rating').selectOption('True');
  await bobDialog.getByLabel('Explanation').fill(bobSays);
  await bobDialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(bobDialog.getByTestId('double-agreement')).toContainText('The reviewers disagree');
  await expect(bobDialog.getByTestId('double-check')).toContainText(annSays);
  await bobB.close();
  await annB.close();

  // The editor sees "disagree", resolves with Bob's rating: the claim is approved with it.
  await page.goto(`/articles/${id}?claim=${c1.id}`);
  await expect(dialog.getByTestId('double-agreement')).toContainText('The reviewers disagree');
  await expectNoSeriousViolations(page, 'claim dialog with the resolve choices');
  await dialog.getByRole('button', { name: `Use “True” (${bob.name})` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Double check resolved.' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();
  const done = await apiClaim(page, id, c1.id);
  expect(done.claim.status).toBe('approved');
  expect(done.claim.publishedVerdict).toMatchObject({ rating: 'True', explanation: bobSays });
  await page.keyboard.press('Escape');

  // The agreement figures: on the article (this one pair) and on the desk's dashboard.
  await page.goto(`/articles/${id}`);
  const text = page.getByTestId('agreement-text');
  await expect(text).toHaveText("The two reviewers agreed on 0 of 1 double-checked claim (0 %). Cohen's kappa 0.00 (no better than chance).");
  await expect(page.getByTestId('agreement-table')).toContainText('0 %');
  await expectNoSeriousViolations(page, 'article page with the double-check setting and agreement figure');
  const figures = (await (await page.request.get(`/api/articles/${id}/agreement`)).json()) as { n: number; agreed: number; kappa: number | null };
  expect(figures).toMatchObject({ n: 1, agreed: 0, kappa: 0 });
  await page.goto('/dashboard');
  await expect(page.getByTestId('agreement-text')).toContainText('double-checked');
  await expect(page.getByTestId('agreement-table')).toBeVisible();
});
