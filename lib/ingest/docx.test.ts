// Issue 8, finding 1: a .docx zip bomb took the server to 4.3 GB and out of memory. Each bomb here
// is a real zip made by a real zip writer; fileToText (what the upload route calls) must refuse it
// with a message a person can act on, quickly, without the process's memory growing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { DOCX_LIMITS } from './docx';
import { makeDocx, makeDocxBomb, makeDocxBombUnderOtherName, makeLyingDocxBomb } from './docx-fixtures';
import { fileToText } from './to-text';

const MB = 1024 * 1024;

/** Runs `fn` and reports how far the process's peak RSS rose above its RSS before. */
async function peakGrowth(fn: () => Promise<unknown>): Promise<{ result: unknown; grewMb: number; ms: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t = performance.now();
  const result = await fn().then((v) => v, (e: unknown) => e);
  const ms = performance.now() - t;
  const grewMb = (process.resourceUsage().maxRSS * 1024 - before) / MB;
  return { result, grewMb, ms };
}

function assertAppError(value: unknown, status: number, message: RegExp): void {
  assert.ok(value instanceof AppError, `expected an AppError, got ${String(value)}`);
  assert.equal(value.status, status);
  assert.match(value.message, message);
}

for (const inflated of [100, 300]) {
  test(`a .docx that inflates to ${inflated} MB is refused with 413 from its central directory, memory flat`, async () => {
    const bomb = await makeDocxBomb(inflated * MB);
    assert.ok(bomb.byteLength < 10 * MB, 'the bomb fits under the 10 MB upload limit');
    const { result, grewMb, ms } = await peakGrowth(() => fileToText('draft.docx', new Uint8Array(bomb)));
    assertAppError(result, 413, /unpacks to more than 16 MB.*Re-save it from Word, or paste the text/);
    console.log(`# ${(bomb.byteLength / 1024).toFixed(0)} KB -> ${inflated} MB bomb: 413 in ${ms.toFixed(0)} ms, peak RSS +${grewMb.toFixed(1)} MB`);
    assert.ok(grewMb < 64, `peak RSS grew ${grewMb.toFixed(0)} MB`);
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });
}

test('a .docx whose central directory lies about its size stops inflating at the declared size (415)', async () => {
  const liar = await makeLyingDocxBomb(100 * MB, 4096);
  const { result, grewMb, ms } = await peakGrowth(() => fileToText('draft.docx', new Uint8Array(liar)));
  assertAppError(result, 415, /could not be read as a \.docx file/);
  console.log(`# lying 100 MB bomb: 415 in ${ms.toFixed(0)} ms, peak RSS +${grewMb.toFixed(1)} MB`);
  assert.ok(grewMb < 64, `peak RSS grew ${grewMb.toFixed(0)} MB`);
});

test('a small .docx of many tiny paragraphs is refused (413) before mammoth builds its DOM', async () => {
  // 2.5 MB of XML is under the size caps but over the element cap: the shape that costs mammoth most.
  const bomb = await makeDocxBomb(2.5 * MB);
  const { result, grewMb } = await peakGrowth(() => fileToText('draft.docx', new Uint8Array(bomb)));
  assertAppError(result, 413, new RegExp(`more than ${DOCX_LIMITS.elements.toLocaleString('en')} XML elements`));
  assert.ok(grewMb < 64, `peak RSS grew ${grewMb.toFixed(0)} MB`);
});

test('a bomb hidden in a part not named .xml, which the relationships point at, is still counted (413)', async () => {
  const bomb = await makeDocxBombUnderOtherName(2.5 * MB);
  await assert.rejects(fileToText('draft.docx', new Uint8Array(bomb)), (e) => {
    assertAppError(e, 413, /XML elements/);
    return true;
  });
});

test('more than 1 MB of text is refused (413) while the XML streams, with the limit in the message', async () => {
  const paragraph = 'The council voted 7-2 to raise fares by 5 percent. '.repeat(100);
  const doc = await makeDocx(Array.from({ length: 220 }, () => paragraph));
  await assert.rejects(fileToText('long.docx', new Uint8Array(doc)), (e) => {
    assertAppError(e, 413, /more than 1 MB of text; the limit is 1 MB\. Split it into parts\./);
    return true;
  });
});

test('too many files in the zip is 413, decided from the entry count alone', async () => {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  for (let i = 0; i <= DOCX_LIMITS.entries; i++) zip.addBuffer(Buffer.from('x'), `word/media/${i}.bin`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await assert.rejects(fileToText('many.docx', new Uint8Array(Buffer.concat(chunks))), (e) => {
    assertAppError(e, 413, /holds 1001 files/);
    return true;
  });
});

test('an ordinary .docx with images (binary, SVG with entities, empty) still converts, text as mammoth gives it', async () => {
  const paragraphs = Array.from({ length: 1500 }, (_, i) => `Paragraph ${i}: ridership fell 18 percent and fares rose 5 percent.`);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200_000, 7)]);
  // Illustrator writes SVGs with DTD entities, which a strict XML parser refuses.
  const svg = Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;"><rect/></svg>');
  const doc = await makeDocx(paragraphs, [['word/media/image1.png', png], ['word/media/image2.svg', svg], ['word/media/empty.emf', Buffer.alloc(0)]]);
  const { text } = await fileToText('ok.docx', new Uint8Array(doc));
  assert.equal(text, paragraphs.join('\n\n'));
});
