// A reviewer corrects the extraction without leaving the review screen: adds a claim from a text
// selection (button and `a` key), resizes one, splits one, merges two, marks one "not a claim", and
// finds each in the history.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, signIn, signOut } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');

/** Selects `words` in the article as a reader would by dragging over them. */
async function select(page: Page, words: string) {
  await page.getByTestId('article-text').evaluate((root, w) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + w.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in one run of the article text`);
  }, words);
}

test('add, resize, split, merge and not-a-claim from the review screen, each in history', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const res = await page.request.post('/api/articles', { data: { title: 'Veto story (corrected extraction)', byline: 'Carolyn Briggs', text: seed } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await signOut(page);

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/articles/${id}`);
  const marks = page.locator('mark.claim');
  const items = page.locator('.claim-list li');
  const dialog = page.getByRole('dialog');
  const total = await items.count();
  await expect(marks.filter({ hasText: 'Putin had ensured' })).toHaveCount(0);

  // 1. Add: select a sentence the extractor missed; a floating button offers to add it.
  await select(page, 'Putin had ensured that it would be awkward');
  const add = page.getByRole('button', { name: /Add claim/ });
  await expect(add).toBeVisible();
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/add-claim.png` });
  await add.click();
  await expect(dialog.locator('blockquote')).toHaveText('Putin had ensured that it would be awkward');
  await expect(items).toHaveCount(total + 1);

  // 2. Resize, in the same dialog: the end takes one more word (the full stop moves with it).
  const editing = dialog.getByRole('region', { name: 'Correct the extraction' });
  // Folded until asked for; it then stays open for the next claims.
  await editing.getByRole('button', { name: 'Correct the extraction' }).click();
  await expect(editing.getByRole('button', { name: 'Correct the extraction' })).toHaveAttribute('aria-expanded', 'true');
  await editing.getByRole('button', { name: 'End a word later' }).click();
  await expect(editing.getByTestId('span-preview').locator('mark')).toHaveText('Putin had ensured that it would be awkward.');
  if (process.env.SCREENSHOT_DIR) {
    await editing.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/correct-the-extraction.png` });
  }
  await editing.getByRole('button', { name: 'Save boundaries' }).click();
  await expect(dialog.locator('blockquote')).toHaveText('Putin had ensured that it would be awkward.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(marks.filter({ hasText: 'Putin had ensured that it would be awkward.' })).toBeVisible();

  // 3. Split: put the caret before "and to help end" in the quote and split there. (The extractor
  // itself now splits "It was the eighth veto ... and reflected ..." at "and reflected".)
  await marks.filter({ hasText: /^reflected the deep division/ }).click();
  const quote = dialog.getByLabel(/where the second claim should start/);
  const text = await quote.inputValue();
  const at = text.indexOf('and to help end');
  await quote.focus();
  await quote.evaluate((el: HTMLTextAreaElement, n) => el.setSelectionRange(n, n), at);
  await quote.press('ArrowRight');
  await quote.press('ArrowLeft');
  await expect(dialog.getByTestId('split-preview')).toContainText('Second: “and to help end the six-year');
  await dialog.getByRole('button', { name: 'Split here' }).click();
  await expect(dialog.getByRole('status')).toContainText('Claim split in two');
  await expect(dialog.locator('blockquote')).toHaveText(text.slice(0, at).trimEnd());
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(total + 2);
  await expect(marks.filter({ hasText: /^and to help end the six-year/ })).toBeVisible();

  // 4. Merge: the claim on Putin's belief with the claim after it.
  await marks.filter({ hasText: 'Russian President Vladimir Putin believes' }).click();
  await dialog.getByRole('button', { name: /Merge with next claim/ }).click();
  await expect(dialog.getByRole('status')).toContainText('Merged with the next claim');
  await expect(dialog.locator('blockquote')).toContainText('Despite initial hopes in Moscow');
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(total + 1);

  // 5. Not a claim: the dialog closes and the words are no longer marked or counted.
  await marks.filter({ hasText: 'Syria had sent dozens of letters' }).click();
  await dialog.getByRole('button', { name: 'Not a claim', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(marks.filter({ hasText: 'dozens of letters' })).toHaveCount(0);
  await expect(items).toHaveCount(total);
  await expect(page.getByText(`0 of ${total} reviewed`)).toBeVisible();

  // The keyboard path: select words, press a. Overlapping an existing claim is refused with a reason.
  await select(page, 'killed 87 people');
  await page.keyboard.press('a');
  await expect(page.getByTestId('add-claim').getByRole('alert')).toContainText(/overlap claim \d+/);
  await select(page, 'Syria had sent dozens of letters to the Security Council');
  await page.keyboard.press('a');
  await expect(dialog.locator('blockquote')).toHaveText('Syria had sent dozens of letters to the Security Council');
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(total + 1);

  // Claim numbers still read top to bottom in the list.
  const numbers = (await page.locator('.claim-item .claim-meta').allTextContents()).map((t) => Number(/#(\d+)/.exec(t)?.[1]));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));

  await page.reload();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.locator('[data-event-type="claim.added"]')).toHaveCount(2);
  await expect(history.locator('[data-event-type="claim.added"]').last()).toContainText('Putin had ensured that it would be awkward');
  await expect(history.locator('[data-event-type="claim.resized"]')).toContainText('→ "Putin had ensured that it would be awkward."');
  await expect(history.locator('[data-event-type="claim.split"]')).toContainText('and to help end the six-year');
  await expect(history.locator('[data-event-type="claim.merged"]')).toContainText('2 claims');
  await expect(history.locator('[data-event-type="claim.not-a-claim"]')).toContainText('dozens of letters');
  await expect(history.locator('[data-event-type="claim.not-a-claim"]')).toContainText(ACCOUNTS.reviewer);
});

test('dragging the selected claim\'s end handle in the text resizes it, and history shows the new span', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const res = await page.request.post('/api/articles', { data: { title: 'Veto story (dragged edge)', text: seed } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await signOut(page);

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/articles/${id}`);
  const mark = page.locator('mark.claim').filter({ hasText: 'It was the eighth veto' });
  // Extraction ends this claim at "resolution" (the sentence's second fact is its own claim).
  await expect(mark).toContainText('on a Western-backed Syria resolution');
  // Select it (clicking opens it; closing leaves it selected): its handles appear in the text.
  await mark.click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  const handle = mark.getByTestId('drag-end');
  await expect(handle).toBeAttached();
  await expect(page.getByTestId('drag-start')).toHaveCount(1);

  // Drag the end back one word, to the last letters of "Syria" (a short drag: the text reflows little).
  // The end of "Syria", before the drag. The text reflows as the mark's end follows the pointer, so
  // where the end lands is checked as "before resolution", and history must show that exact span.
  const syria = () => page.getByTestId('article-text').evaluate((root) => {
    // The marks split the text into several nodes, differently as the drag goes: search their joined text.
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const joined = nodes.map((n) => n.textContent).join('');
    const at = joined.indexOf('Western-backed Syria');
    if (at < 0) throw new Error('"Western-backed Syria" is not in the text');
    let end = at + 'Western-backed Syria'.length; // the letter "a" is end - 1
    for (const n of nodes) {
      const len = n.textContent!.length;
      if (end <= len) {
        const range = document.createRange();
        range.setStart(n, end - 1);
        range.setEnd(n, end);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      end -= len;
    }
    throw new Error('no node holds the end of "Syria"');
  });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  const target = await syria();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  // While dragging, the mark already ends at the word under the pointer.
  await expect(mark).not.toContainText('resolution');
  await page.mouse.up();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(mark).toContainText('It was the eighth veto by Russian Federation');
  await expect(mark).not.toContainText('resolution');
  // The mark's own words (the claim tag "(claim 14 ...)" follows them), e.g. "... on a Western-backed".
  const kept = ((await mark.textContent()) ?? '').split('(claim')[0]!.trim();
  expect(kept.length).toBeGreaterThan('It was the eighth veto'.length);

  await page.reload();
  const resized = page.getByRole('list', { name: 'History' }).locator('[data-event-type="claim.resized"]');
  await expect(resized).toHaveCount(1);
  await expect(resized).toContainText(`${kept.split(' ').slice(-2).join(' ')}"`);
  await expect(resized).toContainText(ACCOUNTS.reviewer);
});
