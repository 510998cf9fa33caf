import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentences';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

test('keeps abbreviations and titles inside a sentence', () => {
  const t = 'Mr. Smith met Dr. Jones in Jan. 2020 at the U.N. headquarters. The U.S. President spoke later.';
  assert.deepEqual(texts(t), ['Mr. Smith met Dr. Jones in Jan. 2020 at the U.N. headquarters.', 'The U.S. President spoke later.']);
});

test('a quotation spanning two sentences stays one', () => {
  const t = '"We won. We always do," he said. Then he left.';
  assert.deepEqual(texts(t), ['"We won. We always do," he said.', 'Then he left.']);
});

test('offsets are exact with CRLF, non-breaking spaces, curly quotes and emoji', () => {
  const t = 'Headline without stop\r\n\r\n“Prices rose 5 percent,” she said.\u00a0Rents fell 😀 by 2%.\r\n';
  const segs = splitSentences(t);
  for (const s of segs) assert.equal(t.slice(s.start, s.end).trim(), t.slice(s.start, s.end));
  assert.deepEqual(texts(t), ['Headline without stop', '“Prices rose 5 percent,” she said.', 'Rents fell 😀 by 2%.']);
  assert.equal(segs[0]!.isHeadingLike, true);
});

test('a bullet byline is marked', () => {
  const segs = splitSentences('The vote was 5-4.\n\n  • Carolyn Briggs');
  assert.equal(segs.at(-1)!.isBylineOrBullet, true);
  assert.equal(segs[0]!.isBylineOrBullet, false);
});

test('a question after a statement is its own sentence', () => {
  assert.deepEqual(texts('They offered facts. "Are we going to get involved with Syria?"'), ['They offered facts.', '"Are we going to get involved with Syria?"']);
});

test('a sentence ends after "Inc.", "Corp." or "Ltd." when the next one starts, not inside a name', () => {
  const text = 'The pump was made by Aquatek Corp. It failed on Tuesday. Shares in Halvorsen Motors Inc. rose 3 percent. Acme Ltd. said profits rose.';
  const got = splitSentences(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(got, ['The pump was made by Aquatek Corp.', 'It failed on Tuesday.', 'Shares in Halvorsen Motors Inc. rose 3 percent.', 'Acme Ltd. said profits rose.']);
});

test('a sentence ends after a full stop followed by citation markers, which stay with the sentence they cite', () => {
  const t = 'Rents rose 8 percent in 2024.[3] The council disputes the figure.[4][5] It says 5 percent.';
  assert.deepEqual(texts(t), ['Rents rose 8 percent in 2024.[3]', 'The council disputes the figure.[4][5]', 'It says 5 percent.']);
});

test('company and address abbreviations: a sentence ends after them only when the next one starts', () => {
  const t = 'The shop at 4 Mill St. closed in May. Orders went to Brennan & Co. The firm, Vantor Corp. of Leeds, hired 40 staff. Dunmore Ltd. said No. 7 Dock St. reopens in June.';
  assert.deepEqual(texts(t), ['The shop at 4 Mill St. closed in May.', 'Orders went to Brennan & Co.', 'The firm, Vantor Corp. of Leeds, hired 40 staff.', 'Dunmore Ltd. said No. 7 Dock St. reopens in June.']);
});

test('"No." before a number and "Inc." before a lowercase word never end a sentence', () => {
  const t = 'Platform No. 4 reopened after Keston Inc. repaired it. The line carries 9,000 people a day.';
  assert.deepEqual(texts(t), ['Platform No. 4 reopened after Keston Inc. repaired it.', 'The line carries 9,000 people a day.']);
});

test('a street abbreviation ends a sentence when the next one starts; "St." before a name does not', () => {
  const t = 'The bakery is on Carver St. It opened in 1990 near St. Anne\'s church.';
  assert.deepEqual(texts(t), ['The bakery is on Carver St.', 'It opened in 1990 near St. Anne\'s church.']);
});
