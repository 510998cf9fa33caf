// Test-only: builds .docx files in memory, including zip bombs, so the ingest limits are tested on
// real zips made by a real zip writer (yazl, a dev dependency) rather than on checked-in binaries.
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>';
const TAIL = '</w:body></w:document>';

export const paragraphXml = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** document.xml streamed from `paragraph(i)` until it reaches `bytes`, without holding it whole. */
function documentStream(bytes: number, paragraph: (i: number) => string): Readable {
  let written = 0;
  let i = 0;
  return new Readable({
    read() {
      if (written === 0) {
        written += HEAD.length;
        this.push(HEAD);
        return;
      }
      if (written >= bytes) {
        this.push(TAIL);
        this.push(null);
        return;
      }
      let chunk = '';
      while (chunk.length < 64 * 1024 && written + chunk.length < bytes) chunk += paragraph(i++);
      written += chunk.length;
      this.push(chunk);
    },
  });
}

async function zipOf(parts: Array<[string, Buffer | Readable]>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, body] of parts) {
    if (Buffer.isBuffer(body)) zip.addBuffer(body, name);
    else zip.addReadStream(body, name);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A small, valid .docx with the given paragraphs, and any extra parts (images, say). */
export function makeDocx(paragraphs: string[], extra: Array<[string, Buffer]> = []): Promise<Buffer> {
  const xml = HEAD + paragraphs.map(paragraphXml).join('') + TAIL;
  return zipOf([
    ['[Content_Types].xml', Buffer.from(CONTENT_TYPES)],
    ['_rels/.rels', Buffer.from(ROOT_RELS)],
    ['word/document.xml', Buffer.from(xml)],
    ...extra,
  ]);
}

/** A bomb whose main document is a part not named .xml, which _rels/.rels points mammoth at. */
export function makeDocxBombUnderOtherName(bytes: number): Promise<Buffer> {
  return zipOf([
    ['[Content_Types].xml', Buffer.from(CONTENT_TYPES)],
    ['_rels/.rels', Buffer.from(ROOT_RELS.replace('word/document.xml', 'word/body.bin'))],
    ['word/body.bin', documentStream(bytes, (i) => paragraphXml(`Claim ${i % 2}.`))],
  ]);
}

/**
 * A zip bomb shaped like the one in issue 8: word/document.xml inflates to `bytes` of short numbered
 * paragraphs. The sizes in its central directory are honest (yazl writes what it compressed).
 */
export function makeDocxBomb(bytes: number): Promise<Buffer> {
  return zipOf([
    ['[Content_Types].xml', Buffer.from(CONTENT_TYPES)],
    ['_rels/.rels', Buffer.from(ROOT_RELS)],
    ['word/document.xml', documentStream(bytes, (i) => paragraphXml(`Claim ${i % 2}.`))],
  ]);
}

/**
 * The same bomb with the central directory (and local header) claiming document.xml is only
 * `claimed` bytes: a reader that trusts declared sizes alone would let it through.
 */
export async function makeLyingDocxBomb(bytes: number, claimed: number): Promise<Buffer> {
  const zip = await makeDocxBomb(bytes);
  const name = Buffer.from('word/document.xml');
  const patch = (signature: number, sizeOffset: number, nameOffset: number) => {
    for (let at = zip.indexOf(Buffer.from([0x50, 0x4b])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b]), at + 1)) {
      if (zip.readUInt32LE(at) !== signature) continue;
      if (!zip.subarray(at + nameOffset, at + nameOffset + name.length).equals(name)) continue;
      zip.writeUInt32LE(claimed, at + sizeOffset);
    }
  };
  // Central directory record: uncompressed size at +24, name at +46. yazl streams with a data
  // descriptor, so the local header carries no size to patch.
  patch(0x02014b50, 24, 46);
  return zip;
}
