// Reads a draft sent to the server - JSON, or multipart form data with an optional uploaded file -
// into the fields the data layer validates. Shared by "load an article" and "load a new draft".
import { AppError } from '../api/errors';
import { fileToText, type SourceFormat } from '../ingest/to-text';
import { readBody } from './body';
import { readJson } from './respond';

export async function readDraftBody(req: Request): Promise<{ fields: Record<string, unknown>; uploadedFormat?: SourceFormat }> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('multipart/form-data')) {
    const body = await readJson(req);
    return { fields: body && typeof body === 'object' ? (body as Record<string, unknown>) : {} };
  }
  // Read through the same size limit as JSON before parsing: req.formData() would buffer any size.
  const raw = await readBody(req);
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData().catch(() => {
    throw new AppError('bad_request', 'The upload could not be read. Try again.');
  });
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') fields[key] = value;
  if (typeof fields.basedOn === 'string') fields.basedOn = Number(fields.basedOn);
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    if (typeof fields.text === 'string' && fields.text.trim()) {
      throw new AppError('invalid', 'Paste the text or upload a file, not both: which one should be loaded?', { file: 'Clear the pasted text or the file.' });
    }
    const { text, format } = await fileToText(file.name, new Uint8Array(await file.arrayBuffer()));
    return { fields: { ...fields, text, format: 'text' }, uploadedFormat: format };
  }
  return { fields: { ...fields, format: fields.format || 'text' } };
}
