// A .docx is a zip of XML parts, and mammoth builds a DOM of every part it reads: about 110 MB of
// memory per MB of short-paragraph XML, so a 300 KB upload inflating to 100 MB took the server down
// (issue 8, finding 1). Before mammoth sees a file, this module proves the file is small once
// inflated: the central directory's entry count and declared sizes are capped first (nothing is
// inflated yet), then every part is inflated as a stream and discarded - yauzl refuses an
// entry that inflates past its declared size, so a lying directory is caught too - and each XML part
// is parsed with a streaming XML parser that counts elements (what mammoth's memory grows with) and
// the main document's text, stopping at the first limit. See docs/decisions/009-request-and-upload-limits.md.
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../api/errors';

export const DOCX_LIMITS = {
  /** A Word file has a dozen or so parts plus its images; thousands means something else. */
  entries: 1000,
  /** Declared inflated size of any one part (images included). */
  partBytes: 16 * 1024 * 1024,
  /** Declared inflated size of all parts together. */
  totalBytes: 48 * 1024 * 1024,
  /** XML elements over every part mammoth reads; mammoth peaks near 2.4 KB per element. */
  elements: 100_000,
  /** Text in the main document, counted as mammoth's raw text counts it. */
  textBytes: 1024 * 1024,
} as const;

type Limits = typeof DOCX_LIMITS;

const OFFICE_DOCUMENT = /\/officeDocument$/;
const isXmlName = (name: string) => /\.(xml|rels)$/i.test(name);
// Relationships can point mammoth at a part of any name, so every part is inflated (which proves its
// declared size) and any part that starts like XML has its elements counted.
const looksLikeXml = (head: string) => /^\uFEFF?\s*</.test(head);

function tooLarge(message: string): AppError {
  return new AppError('too_large', message);
}

function openZip(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** Reads the central directory only: names and declared sizes, no data inflated. */
function listEntries(zip: ZipFile, limits: Limits): Promise<Entry[]> {
  if (zip.entryCount > limits.entries) {
    zip.close();
    return Promise.reject(tooLarge(`The .docx holds ${zip.entryCount} files; a Word document has far fewer (the limit is ${limits.entries}). Re-save it from Word, or paste the text.`));
  }
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.partBytes || total > limits.totalBytes) {
        zip.close();
        reject(tooLarge(`The .docx unpacks to more than ${mb(entry.uncompressedSize > limits.partBytes ? limits.partBytes : limits.totalBytes)} MB, far more than its text needs; it may be damaged or built to overload the server. Re-save it from Word, or paste the text.`));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const mb = (bytes: number) => Math.round(bytes / 1048576);

interface Tally {
  elements: number;
}

interface PartHandlers {
  onOpen?: (name: string, attributes: Record<string, string>) => void;
  onClose?: (name: string) => void;
  onText?: (text: string) => void;
}

/**
 * Inflates one part as a stream; if it is XML, through a SAX parser whose handlers see it as it
 * arrives and may throw to stop reading at once. `strict` parts (named .xml/.rels, or the main
 * document) must parse; for any other part (an SVG image, say) a parse error only ends the counting,
 * since the part still had to inflate to its declared size.
 */
function scanPart(zip: ZipFile, entry: Entry, tally: Tally, limits: Limits, strict: boolean, handlers: PartHandlers = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const parser = new SaxesParser({ position: false });
      const decoder = new TextDecoder('utf-8');
      let mode: 'unknown' | 'xml' | 'drain' = strict ? 'xml' : 'unknown';
      let isEmpty = true;
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        stream.destroy();
        reject(error);
      };
      parser.on('opentag', (tag) => {
        if (++tally.elements > limits.elements) throw tooLarge(`The .docx has more than ${limits.elements.toLocaleString('en')} XML elements, far more than a 1 MB article needs. Re-save it from Word, or paste the text.`);
        handlers.onOpen?.(tag.name, tag.attributes as Record<string, string>);
      });
      if (handlers.onClose) parser.on('closetag', (tag) => handlers.onClose!(tag.name));
      if (handlers.onText) {
        parser.on('text', handlers.onText);
        parser.on('cdata', handlers.onText);
      }
      const parseError = (error: unknown) => {
        if (strict || error instanceof AppError) fail(error);
        else mode = 'drain';
      };
      stream.on('data', (chunk: Buffer) => {
        isEmpty = false;
        if (failed || mode === 'drain') return;
        const text = decoder.decode(chunk, { stream: true });
        if (mode === 'unknown') mode = looksLikeXml(text) ? 'xml' : 'drain';
        if (mode === 'drain') return;
        try {
          parser.write(text);
        } catch (error) {
          parseError(error);
        }
      });
      stream.on('end', () => {
        if (failed) return;
        if (mode === 'xml' && !isEmpty) {
          try {
            parser.write(decoder.decode());
            parser.close();
          } catch (error) {
            parseError(error);
            if (failed) return;
          }
        }
        resolve();
      });
      stream.on('error', fail);
    });
  });
}

/** The main document's path from _rels/.rels, as mammoth finds it. */
async function mainDocumentPath(zip: ZipFile, entries: Entry[], tally: Tally, limits: Limits): Promise<string> {
  const rels = entries.find((e) => e.fileName === '_rels/.rels');
  let target = 'word/document.xml';
  if (rels) {
    await scanPart(zip, rels, tally, limits, true, {
      onOpen: (name, attrs) => {
        if (name === 'Relationship' && OFFICE_DOCUMENT.test(attrs.Type ?? '') && attrs.Target) target = attrs.Target.replace(/^\//, '');
      },
    });
  }
  return target;
}

/** Counts the main document's text the way mammoth's raw text does: runs' text, tabs, "\n\n" per paragraph. */
function textCounter(limits: Limits) {
  let bytes = 0;
  let inText = 0;
  // mammoth reads an mc:AlternateContent's Fallback only, so text in mc:Choice is not counted.
  let inChoice = 0;
  const add = (n: number) => {
    bytes += n;
    if (bytes > limits.textBytes) throw tooLarge(`The .docx holds more than ${mb(limits.textBytes)} MB of text; the limit is ${mb(limits.textBytes)} MB. Split it into parts.`);
  };
  return {
    onOpen(name: string) {
      if (name === 'mc:Choice') inChoice++;
      if (inChoice) return;
      if (name === 'w:t') inText++;
      else if (name === 'w:tab') add(1);
    },
    onClose(name: string) {
      if (name === 'mc:Choice') inChoice--;
      if (inChoice) return;
      if (name === 'w:t') inText--;
      else if (name === 'w:p') add(2);
    },
    onText(text: string) {
      if (inText && !inChoice) add(Buffer.byteLength(text, 'utf8'));
    },
  };
}

/**
 * Throws 413 if the .docx would inflate past the limits, before anything is converted; other zip
 * damage is rethrown as is (the caller answers 415).
 */
export async function assertDocxWithinLimits(bytes: Uint8Array, limits: Limits = DOCX_LIMITS): Promise<void> {
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip, limits);
    const tally: Tally = { elements: 0 };
    const main = await mainDocumentPath(zip, entries, tally, limits);
    for (const entry of entries) {
      if (entry.fileName === '_rels/.rels' || entry.fileName.endsWith('/')) continue;
      const isMain = entry.fileName === main;
      await scanPart(zip, entry, tally, limits, isMain || isXmlName(entry.fileName), isMain ? textCounter(limits) : {});
    }
  } finally {
    zip.close();
  }
}
