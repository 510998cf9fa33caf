import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { assertArticleText, fileToText, htmlToText } from './to-text';

const rejects = (status: number) => (e: unknown) => e instanceof AppError && e.status === status;

test('HTML: scripts and styles never survive, entities are decoded', () => {
  const text = htmlToText('<html><head><style>p{}</style><script>alert(1)</script></head><body><h1>Budget</h1><p>Costs rose 5% &amp; more.</p><p onclick="x()">Second <a href="javascript:alert(1)">para</a>.</p></body></html>');
  assert.ok(!text.includes('alert'));
  assert.ok(!text.includes('p{}'));
  assert.match(text, /Costs rose 5% & more\./);
  assert.match(text, /Second para\./);
});

test('unsupported, binary and corrupt files are 415', async () => {
  await assert.rejects(fileToText('photo.png', new Uint8Array([0x89, 0x50])), rejects(415));
  await assert.rejects(fileToText('draft.docx', new TextEncoder().encode('not a zip')), rejects(415));
  await assert.rejects(fileToText('draft.docx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])), rejects(415));
  await assert.rejects(fileToText('draft.txt', new Uint8Array([0xff, 0xfe, 0x00, 0x41])), rejects(415));
});

test('text and markdown are kept verbatim', async () => {
  const md = '# Title\r\n\r\nThe *plan* cut fares by 10%.';
  assert.deepEqual(await fileToText('a.md', new TextEncoder().encode(md)), { text: md, format: 'markdown' });
});

test('empty text is 422 and more than 1 MB is 413', () => {
  assert.throws(() => assertArticleText('  \n '), rejects(422));
  assert.throws(() => assertArticleText('a'.repeat(1024 * 1024 + 1)), rejects(413));
  assert.doesNotThrow(() => assertArticleText('a'.repeat(1024 * 1024)));
});

test('a .docx upload becomes its paragraphs as text', async () => {
  const { readFileSync } = await import('node:fs');
  const { text, format } = await fileToText('bus-plan.docx', new Uint8Array(readFileSync('e2e/fixtures/bus-plan.docx')));
  assert.equal(format, 'docx');
  assert.match(text, /^Council approves bus plan\n\nThe city council voted 7-2 on Tuesday/);
  assert.match(text, /Ridership fell 18 percent between 2019 and 2023/);
});
