// Turns an uploaded draft into the plain text that claims' offsets index. HTML goes through
// html-to-text (maintained, drops <script>/<style>, decodes entities); .docx through mammoth's raw
// text extraction, once docx.ts has checked the zip's limits. Markdown and plain text are kept
// verbatim. See docs/decisions/005-ingest-and-export.md and 009-request-and-upload-limits.md.
import { convert } from 'html-to-text';
import mammoth from 'mammoth';
import { AppError } from '../api/errors';
import { assertDocxWithinLimits } from './docx';

export const MAX_TEXT_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'iframe', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  }).trim();
}

/** Picks the format from the file name (and, for .docx, checks the ZIP signature). */
export function formatFromFileName(name: string): SourceFormat | null {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'docx') return 'docx';
  return null;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('unsupported_format', 'The file is not UTF-8 text. Save it as UTF-8 (or paste the text) and try again.');
  }
}

/** Reads an uploaded file into article text. Throws 415 for unknown or corrupt files. */
export async function fileToText(name: string, bytes: Uint8Array): Promise<{ text: string; format: SourceFormat }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('too_large', `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const format = formatFromFileName(name);
  if (!format) {
    throw new AppError('unsupported_format', `"${name}" is not a supported file. Upload .txt, .md, .html or .docx, or paste the text.`);
  }
  if (format === 'docx') {
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    if (!isZip) throw new AppError('unsupported_format', `"${name}" is not a valid .docx file (it may be damaged or an old .doc). Re-save it as .docx and try again.`);
    try {
      // Limits first: mammoth holds every part it reads as a DOM, so a zip bomb must never reach it.
      await assertDocxWithinLimits(bytes);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return { text: value.trim(), format };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('unsupported_format', `"${name}" could not be read as a .docx file (it may be damaged). Re-save it and try again.`);
    }
  }
  const raw = decodeUtf8(bytes);
  if (raw.includes('\u0000')) throw new AppError('unsupported_format', `"${name}" looks like a binary file, not text.`);
  return { text: format === 'html' ? htmlToText(raw) : raw, format };
}

/** Checks the size and emptiness of article text; the text itself is never altered. */
export function assertArticleText(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_TEXT_BYTES) {
    throw new AppError('too_large', `The article is ${(bytes / 1048576).toFixed(2)} MB of text; the limit is 1 MB. Split it into parts.`);
  }
  if (!text.trim()) throw new AppError('invalid', 'The article has no text. Paste the draft or upload a file.', { text: 'Required.' });
}
