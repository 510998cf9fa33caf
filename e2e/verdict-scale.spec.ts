// The editable verdict scale (decision 032): an admin renames a rating and changes its colour and
// ClaimReview value; a reviewer sees the new name and colour on a verdict given before the change
// and in the dialog's choices; the export's ClaimReview carries the new name and value for that old
// verdict. The scale is shared by every journey: the end puts the default back.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, approveAll, colleague, createArticle, expectNoSeriousViolations, signIn } from './helpers';

type Scale = { version: number; entries: Array<{ key: string; name: string; ratingValue: number | null; colour: string; icon: string; retired: boolean }> };
const DEFAULT = [
  { key: 'True', name: 'True', ratingValue: 5, colour: '#1d6b3a', icon: 'check', retired: false },
  { key: 'Mostly true', name: 'Mostly true', ratingValue: 4, colour: '#3d6b12', icon: 'up', retired: false },
  { key: 'Mixed', name: 'Mixed', ratingValue: 3, colour: '#8a5a00', icon: 'approx', retired: false },
  { key: 'Mostly false', name: 'Mostly false', ratingValue: 2, colour: '#9a3a0b', icon: 'down', retired: false },
  { key: 'False', name: 'False', ratingValue: 1, colour: '#a11d1d', icon: 'cross', retired: false },
  { key: 'Unverifiable', name: 'Unverifiable', ratingValue: null, colour: '#4b2a7a', icon: 'question', retired: false },
];

test('an admin renames a rating and changes its colour and value; old verdicts, the dialog and ClaimReview follow', async ({ page, browser }) => {
  // An old verdict: rated "Mostly true" and approved before the scale changes.
  await signIn(page, ACCOUNTS.editor);
  const { id: articleId, claims } = await createArticle(page, 'Scale journey');
  const claim = claims[0]!;
  const reviewer = await colleague(browser, ACCOUNTS.reviewer);
  const rated = await reviewer.page.request.post(`/api/claims/${claim.id}/verdict`, { data: { rating: 'Mostly true', explanation: 'Close to the official count.', version: claim.version } });
  expect(rated.status(), await rated.text()).toBe(201);
  await approveAll(browser, articleId);

  // The admin edits the scale in the form.
  const admin = await colleague(browser, ACCOUNTS.admin);
  await admin.page.getByRole('link', { name: 'Verdict scale' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Verdict scale' })).toBeVisible();
  await expect(admin.page.getByLabel('Name of rating 2')).toHaveValue('Mostly true');
  // In use: it can be retired, not deleted.
  await expect(admin.page.getByRole('button', { name: 'Delete rating 2' })).toHaveCount(0);
  await admin.page.getByLabel('Name of rating 2').fill('Largely accurate');
  await admin.page.getByLabel('Colour of rating 2', { exact: true }).fill('#ffff66');
  await expect(admin.page.getByText('Too light to read on white; choose a darker shade.')).toBeVisible();
  await admin.page.getByRole('button', { name: 'Save scale' }).click();
  await expect(admin.page.getByTestId('form-error')).toHaveText('Some ratings need fixing.');
  await expect(admin.page.getByText('This colour is too light to read on white (needs 3:1). Choose a darker shade.')).toBeVisible();
  await admin.page.getByLabel('Colour of rating 2', { exact: true }).fill('#0b5394');
  await admin.page.getByLabel('ClaimReview value of rating 2').fill('7');
  await admin.page.getByRole('button', { name: 'Save scale' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expectNoSeriousViolations(admin.page, 'the verdict scale page');

  // A second admin tab still holding the old version is refused, and shown the scale as it is now.
  const stale = await admin.page.request.put('/api/verdict-scale', { data: { version: 1, entries: DEFAULT } });
  expect(stale.status()).toBe(409);
  expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('Someone else changed the verdict scale');

  // The reviewer sees the old verdict under its new name and colour, and the new name among the choices.
  await reviewer.page.goto(`/articles/${articleId}`);
  const mark = reviewer.page.locator(`#mark-${claim.id}`);
  await expect(mark).toHaveAttribute('data-status', 'Largely accurate');
  // The colour reaches the page through the nonce'd scale stylesheet (a style attribute would be refused by the CSP).
  await expect(mark).toHaveCSS('border-bottom-color', 'rgb(11, 83, 148)');
  await expect(reviewer.page.locator('.legend .state-mostly-true')).toContainText('Largely accurate');
  await mark.click();
  const dialog = reviewer.page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Current verdict: Largely accurate' })).toBeVisible();
  const rating = dialog.getByLabel('Rating');
  await expect(rating).toHaveValue('Mostly true');
  await expect(rating.locator('option:checked')).toHaveText('Largely accurate');
  await expect(rating.locator('option', { hasText: 'Mostly true' })).toHaveCount(0);
  await expect(dialog.locator('.badge.state')).toContainText('Largely accurate');
  await reviewer.close();

  // The export's ClaimReview carries the new name and value for the verdict given before the change.
  const ld = await admin.page.request.get(`/api/articles/${articleId}/export?format=jsonld`);
  expect(ld.status()).toBe(200);
  const reviews = (await ld.json()) as Array<{ claimReviewed: string; reviewRating: Record<string, unknown> }>;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]!.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 7, bestRating: 7, worstRating: 1, alternateName: 'Largely accurate' });

  // Put the default scale back for the journeys after this one.
  const now = (await (await admin.page.request.get('/api/verdict-scale')).json()) as Scale;
  const back = await admin.page.request.put('/api/verdict-scale', { data: { version: now.version, entries: DEFAULT } });
  expect(back.status(), await back.text()).toBe(200);
  await admin.close();
});
