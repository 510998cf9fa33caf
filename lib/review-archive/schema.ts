// The review archive: one versioned JSON document holding an article's whole review, so it can be
// moved to another install and read back unchanged (docs/decisions/013-review-archive.md).
// Pure: the data layer hands in plain rows (with database ids) and gets the document back; on import
// it hands in the archive text and gets rows with fresh ids. Database ids never appear in the
// document: objects are named by archive-local keys (`r2-c5`, `v3`, `s1`, `rel4`, `account:<email>`).
import { z } from 'zod';
import { AppError } from '../api/errors';
import { CLAIM_FLAGS, CLAIM_TYPES, RELATION_TYPES, entitySchema, numberSchema } from '../claims/schema';
import { COMMENT_MAX } from '../comments/limits';
import { EVENT_TYPES } from '../history/events';
import { MAX_TEXT_BYTES, SOURCE_FORMATS } from '../ingest/to-text';
import { entryFor, type ScaleEntry } from '../verdicts/scale';

export const ARCHIVE_FORMAT = 'factdesk-archive';
export const ARCHIVE_VERSION = 1;
export const MAX_ARCHIVE_BYTES = 50 * 1024 * 1024;
/** Far above any real review (a 10,000-word draft has ~500 claims); they bound the work one import can ask for. */
export const ARCHIVE_LIMITS = {
  accounts: 2_000,
  revisions: 200,
  claims: 20_000,
  verdicts: 50_000,
  sources: 50_000,
  relations: 50_000,
  comments: 50_000,
  events: 200_000,
} as const;

export const ARTICLE_STATUSES = ['draft', 'in_review', 'verified', 'exported'] as const;
export const CLAIM_STATUSES = ['open', 'in_review', 'reviewed', 'approved', 'dismissed'] as const;
export const CORRECTION_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export const STANCES = ['supports', 'refutes', 'context'] as const;
export const TARGET_TYPES = ['article', 'revision', 'claim', 'source', 'verdict', 'relation', 'user'] as const;

const CLAIM_KEY = /^r\d+-c\d+(?:-\d+)?$/;
const VERDICT_KEY = /^v\d+$/;
const SOURCE_KEY = /^s\d+$/;
const RELATION_KEY = /^rel\d+$/;
const COMMENT_KEY = /^cm\d+$/;

// ---------------------------------------------------------------------------------------------
// The document

const isoDate = z.iso.datetime({ message: 'Use an ISO 8601 UTC time such as 2026-11-25T10:00:00.000Z.' });
const email = z.email({ message: 'Not an email address.' }).max(254);
const str = (max: number) => z.string().max(max, `Longer than ${max.toLocaleString('en')} characters.`);
/** A link shown to reviewers: a tampered archive must not smuggle in javascript: or data: URLs. */
const httpUrl = str(2048).refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'Only http:// and https:// addresses are allowed.');
const revisionText = z.string().refine((t) => new TextEncoder().encode(t).byteLength <= MAX_TEXT_BYTES, 'A revision holds at most 1 MB of text.');
const claimKey = z.string().regex(CLAIM_KEY, 'A claim key looks like "r1-c3".');

const accountSchema = z.strictObject({ email, name: str(100) });

const articleSchema = z.strictObject({
  title: str(300).min(1, 'The article needs a title.'),
  byline: str(300),
  sourceFormat: z.enum(SOURCE_FORMATS),
  status: z.enum(ARTICLE_STATUSES),
  publicUrl: httpUrl.nullable(),
  verifiedAt: isoDate.nullable(),
  verifiedRevision: z.number().int().positive().nullable(),
  overrideReason: str(5000).nullable(),
  correctionsNote: str(100_000).nullable(),
  // Absent in archives written before approval existed: their verdicts were published unapproved.
  approvalRequired: z.boolean().optional(),
  createdBy: email,
  createdAt: isoDate,
});

const revisionSchema = z.strictObject({
  number: z.number().int().positive(),
  format: z.enum(SOURCE_FORMATS),
  text: revisionText,
  createdBy: email,
  createdAt: isoDate,
});

const claimSchema = z.strictObject({
  key: claimKey,
  revision: z.number().int().positive(),
  ordinal: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: str(MAX_TEXT_BYTES),
  text: str(MAX_TEXT_BYTES),
  contextBefore: str(2000),
  contextAfter: str(2000),
  type: z.enum(CLAIM_TYPES),
  score: z.number().min(0).max(1),
  checkworthy: z.boolean(),
  // loose(): keep every field the extractor stored, so an import writes back exactly what was read.
  flags: z.array(z.enum(CLAIM_FLAGS)).max(20),
  entities: z.array(entitySchema.loose()).max(1000),
  numbers: z.array(numberSchema.loose()).max(1000),
  antecedent: str(2000).nullable(),
  status: z.enum(CLAIM_STATUSES),
  dismissReason: str(5000).nullable(),
  speaker: str(300).nullable(),
  speakerType: z.enum(['Person', 'Organization']).nullable(),
  stale: z.boolean(),
  previousQuote: str(MAX_TEXT_BYTES).nullable(),
  archivedAt: isoDate.nullable(),
  version: z.number().int().positive(),
  /** The claim's current (latest approved) verdict. */
  approvedVerdict: z.string().regex(VERDICT_KEY, 'A verdict key looks like "v1".').nullable().optional(),
  createdAt: isoDate,
});

const verdictSchema = z.strictObject({
  key: z.string().regex(VERDICT_KEY, 'A verdict key looks like "v1".'),
  claim: claimKey,
  // A scale entry's key. Which keys exist is the importing desk's configured scale (decision 032),
  // not something the document can know: checkRatings compares them once the scale is read.
  rating: str(100).min(1, 'A verdict needs a rating.'),
  explanation: str(5000),
  correction: str(5000).nullable(),
  correctionStatus: z.enum(CORRECTION_STATUSES).nullable(),
  correctionDecidedAt: isoDate.nullable(),
  revisionNumber: z.number().int().positive(),
  author: email,
  approvedAt: isoDate.nullable().optional(),
  createdAt: isoDate,
});

const sourceSchema = z.strictObject({
  key: z.string().regex(SOURCE_KEY, 'A source key looks like "s1".'),
  claim: claimKey,
  url: httpUrl,
  title: str(500),
  publisher: str(200),
  quote: str(5000),
  stance: z.enum(STANCES),
  accessedAt: isoDate,
  createdBy: email,
  createdAt: isoDate,
  removedAt: isoDate.nullable(),
});

const relationSchema = z.strictObject({
  key: z.string().regex(RELATION_KEY, 'A relation key looks like "rel1".'),
  a: claimKey,
  b: claimKey,
  type: z.enum(RELATION_TYPES),
  origin: z.enum(['auto', 'manual']),
  status: z.enum(['suggested', 'confirmed', 'dismissed']),
  reason: str(2000),
  note: str(2000),
  createdBy: email.nullable(),
  createdAt: isoDate,
});

/** A comment thread entry (decision 021): append-only, so it travels whole, resolved or not. */
const commentSchema = z.strictObject({
  key: z.string().regex(COMMENT_KEY, 'A comment key looks like "cm1".'),
  claim: claimKey,
  author: email,
  body: str(COMMENT_MAX),
  /** The colleagues the comment @mentioned (their "mentioned me" in My queue on the new install). */
  mentions: z.array(email).max(100),
  resolvedAt: isoDate.nullable(),
  resolvedBy: email.nullable(),
  createdAt: isoDate,
});

const eventSchema = z.strictObject({
  type: z.enum(EVENT_TYPES, { message: 'Unknown event type.' }),
  actor: email.nullable(),
  // key null: the event named an object that is not part of this article (kept, pointing nowhere).
  // Types beyond TARGET_TYPES (added by later features) are accepted; their key must still resolve.
  target: z.strictObject({ type: z.string().regex(/^[a-z_]{1,40}$/, 'Not a target type.'), key: str(300).nullable() }),
  before: z.json().nullable(),
  after: z.json().nullable(),
  at: isoDate,
});

const limited = <T extends z.ZodType>(item: T, name: keyof typeof ARCHIVE_LIMITS) =>
  z.array(item).max(ARCHIVE_LIMITS[name], `At most ${ARCHIVE_LIMITS[name].toLocaleString('en')} ${name} per archive.`);

export const reviewArchiveSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: isoDate,
  article: articleSchema,
  accounts: limited(accountSchema, 'accounts'),
  revisions: limited(revisionSchema, 'revisions').min(1, 'An archive holds at least one revision.'),
  claims: limited(claimSchema, 'claims'),
  verdicts: limited(verdictSchema, 'verdicts'),
  sources: limited(sourceSchema, 'sources'),
  relations: limited(relationSchema, 'relations'),
  // Absent in archives written before comments were archived (decision 038): they had none to carry.
  comments: limited(commentSchema, 'comments').optional(),
  events: limited(eventSchema, 'events'),
});

export type ReviewArchive = z.infer<typeof reviewArchiveSchema>;
export type ArchiveClaim = ReviewArchive['claims'][number];
type Json = z.infer<ReturnType<typeof z.json>>;

// ---------------------------------------------------------------------------------------------
// Export: database rows -> document

/** Rows as lib/db reads them: database ids, JSON columns as text, times as ISO strings. */
export type ArchiveSnapshot = {
  article: {
    id: string; title: string; byline: string; sourceFormat: string; status: string; publicUrl: string | null;
    verifiedAt: string | null; verifiedRevision: number | null; overrideReason: string | null; correctionsNote: string | null;
    approvalRequired: boolean; createdById: string; createdAt: string;
  };
  users: Array<{ id: string; email: string; name: string }>;
  revisions: Array<{ id: string; number: number; format: string; text: string; createdById: string; createdAt: string }>;
  claims: Array<{
    id: string; revisionId: string; ordinal: number; start: number; end: number; quote: string; text: string;
    contextBefore: string; contextAfter: string; type: string; score: number; checkworthy: boolean;
    flags: string; entities: string; numbers: string; antecedent: string | null; status: string; dismissReason: string | null;
    speaker: string | null; speakerType: string | null; stale: boolean; previousQuote: string | null; archivedAt: string | null;
    version: number; approvedVerdictId: string | null; createdAt: string;
  }>;
  verdicts: Array<{
    id: string; claimId: string; rating: string; explanation: string; correction: string | null; correctionStatus: string | null;
    correctionDecidedAt: string | null; revisionNumber: number; authorId: string; approvedAt: string | null; createdAt: string;
  }>;
  sources: Array<{
    id: string; claimId: string; url: string; title: string; publisher: string; quote: string; stance: string;
    accessedAt: string; createdById: string; createdAt: string; removedAt: string | null;
  }>;
  relations: Array<{
    id: string; aId: string; bId: string; type: string; origin: string; status: string; reason: string; note: string;
    createdById: string | null; createdAt: string;
  }>;
  comments: Array<{
    id: string; claimId: string; authorId: string; body: string; mentionIds: string[]; resolvedAt: string | null;
    resolvedById: string | null; createdAt: string;
  }>;
  events: Array<{ id: string; actorId: string | null; type: string; targetType: string; targetId: string; before: string | null; after: string | null; at: string }>;
};

/** Oldest first; equal times fall back to the id, which the importer issues in document order. */
const byTime = <T extends { id: string }>(time: (row: T) => string) => (x: T, y: T) =>
  time(x).localeCompare(time(y)) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

const REF = '$ref';

/**
 * Database ids inside event payloads become `{ "$ref": key }`. A field named like an id (`...Id`,
 * `...Ids`) whose value is not part of this article (a claim in another article an earlier review
 * was reused from) becomes null: that id means nothing in another install.
 */
function toRefs(value: Json, keyOf: Map<string, string>, field = ''): Json {
  if (typeof value === 'string') {
    const key = keyOf.get(value);
    if (key !== undefined) return { [REF]: key };
    return /Ids?$/.test(field) ? null : value;
  }
  if (Array.isArray(value)) return value.map((v) => toRefs(v, keyOf, field));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRefs(v as Json, keyOf, k)]));
  }
  return value;
}

function parseJsonColumn(text: string | null): Json {
  return text === null ? null : (JSON.parse(text) as Json);
}

export function buildReviewArchive(s: ArchiveSnapshot, exportedAt: string): ReviewArchive {
  const emailOf = new Map(s.users.map((u) => [u.id, u.email]));
  const idOfAccountKey = new Map(s.users.map((u) => [`account:${u.email}`, u.id]));
  const used = new Set<string>();
  const account = (id: string): string => {
    const e = emailOf.get(id);
    if (e === undefined) throw new Error(`archive: account ${id} was not loaded`);
    used.add(id);
    return e;
  };
  const keyOf = new Map<string, string>([[s.article.id, 'article']]);
  for (const u of s.users) keyOf.set(u.id, `account:${u.email}`);

  const revisions = [...s.revisions].sort((a, b) => a.number - b.number);
  const revisionNumber = new Map(revisions.map((r) => [r.id, r.number]));
  for (const r of revisions) keyOf.set(r.id, `r${r.number}`);

  const claims = [...s.claims].sort(
    (a, b) => revisionNumber.get(a.revisionId)! - revisionNumber.get(b.revisionId)! || a.ordinal - b.ordinal || byTime<typeof a>((c) => c.createdAt)(a, b),
  );
  const claimKeys = new Set<string>();
  for (const c of claims) {
    const base = `r${revisionNumber.get(c.revisionId)}-c${c.ordinal}`;
    // Two claims on one ordinal should not happen; if it does, both still get distinct keys.
    let key = base;
    for (let n = 2; claimKeys.has(key); n++) key = `${base}-${n}`;
    claimKeys.add(key);
    keyOf.set(c.id, key);
  }
  const verdicts = [...s.verdicts].sort(byTime((v) => v.createdAt));
  verdicts.forEach((v, i) => keyOf.set(v.id, `v${i + 1}`));
  const sources = [...s.sources].sort(byTime((x) => x.createdAt));
  sources.forEach((x, i) => keyOf.set(x.id, `s${i + 1}`));
  const relations = [...s.relations].sort(byTime((r) => r.createdAt));
  relations.forEach((r, i) => keyOf.set(r.id, `rel${i + 1}`));
  const comments = [...s.comments].sort(byTime((c) => c.createdAt));
  comments.forEach((c, i) => keyOf.set(c.id, `cm${i + 1}`));
  const events = [...s.events].sort(byTime((e) => e.at));

  const doc: Omit<ReviewArchive, 'accounts'> = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    article: {
      title: s.article.title, byline: s.article.byline, sourceFormat: s.article.sourceFormat as ReviewArchive['article']['sourceFormat'],
      status: s.article.status as ReviewArchive['article']['status'], publicUrl: s.article.publicUrl, verifiedAt: s.article.verifiedAt,
      verifiedRevision: s.article.verifiedRevision, overrideReason: s.article.overrideReason, correctionsNote: s.article.correctionsNote,
      approvalRequired: s.article.approvalRequired, createdBy: account(s.article.createdById), createdAt: s.article.createdAt,
    },
    revisions: revisions.map((r) => ({
      number: r.number, format: r.format as ReviewArchive['revisions'][number]['format'], text: r.text,
      createdBy: account(r.createdById), createdAt: r.createdAt,
    })),
    claims: claims.map((c) => ({
      key: keyOf.get(c.id)!, revision: revisionNumber.get(c.revisionId)!, ordinal: c.ordinal, start: c.start, end: c.end,
      quote: c.quote, text: c.text, contextBefore: c.contextBefore, contextAfter: c.contextAfter,
      type: c.type as ArchiveClaim['type'], score: c.score, checkworthy: c.checkworthy,
      flags: JSON.parse(c.flags) as ArchiveClaim['flags'], entities: JSON.parse(c.entities) as ArchiveClaim['entities'],
      numbers: JSON.parse(c.numbers) as ArchiveClaim['numbers'], antecedent: c.antecedent,
      status: c.status as ArchiveClaim['status'], dismissReason: c.dismissReason, speaker: c.speaker,
      speakerType: c.speakerType as ArchiveClaim['speakerType'], stale: c.stale, previousQuote: c.previousQuote,
      archivedAt: c.archivedAt, version: c.version,
      approvedVerdict: c.approvedVerdictId === null ? null : keyOf.get(c.approvedVerdictId) ?? null, createdAt: c.createdAt,
    })),
    verdicts: verdicts.map((v) => ({
      key: keyOf.get(v.id)!, claim: keyOf.get(v.claimId)!, rating: v.rating as ReviewArchive['verdicts'][number]['rating'],
      explanation: v.explanation, correction: v.correction,
      correctionStatus: v.correctionStatus as ReviewArchive['verdicts'][number]['correctionStatus'],
      correctionDecidedAt: v.correctionDecidedAt, revisionNumber: v.revisionNumber, author: account(v.authorId),
      approvedAt: v.approvedAt, createdAt: v.createdAt,
    })),
    sources: sources.map((x) => ({
      key: keyOf.get(x.id)!, claim: keyOf.get(x.claimId)!, url: x.url, title: x.title, publisher: x.publisher, quote: x.quote,
      stance: x.stance as ReviewArchive['sources'][number]['stance'], accessedAt: x.accessedAt, createdBy: account(x.createdById),
      createdAt: x.createdAt, removedAt: x.removedAt,
    })),
    relations: relations.map((r) => ({
      key: keyOf.get(r.id)!, a: keyOf.get(r.aId)!, b: keyOf.get(r.bId)!, type: r.type as ReviewArchive['relations'][number]['type'],
      origin: r.origin as 'auto' | 'manual', status: r.status as ReviewArchive['relations'][number]['status'], reason: r.reason, note: r.note,
      createdBy: r.createdById === null ? null : account(r.createdById), createdAt: r.createdAt,
    })),
    comments: comments.map((c) => ({
      key: keyOf.get(c.id)!, claim: keyOf.get(c.claimId)!, author: account(c.authorId), body: c.body,
      mentions: c.mentionIds.map(account).sort(), resolvedAt: c.resolvedAt,
      resolvedBy: c.resolvedById === null ? null : account(c.resolvedById), createdAt: c.createdAt,
    })),
    events: events.map((e) => {
      const before = toRefs(parseJsonColumn(e.before), keyOf);
      const after = toRefs(parseJsonColumn(e.after), keyOf);
      // Accounts named only inside a payload are carried too, so the reference resolves on import.
      JSON.stringify([before, after], (k, v: unknown) => {
        if (k === REF && typeof v === 'string' && idOfAccountKey.has(v)) used.add(idOfAccountKey.get(v)!);
        return v;
      });
      const targetKey = keyOf.get(e.targetId) ?? null;
      if (targetKey?.startsWith('account:')) used.add(e.targetId);
      return {
        type: e.type as ReviewArchive['events'][number]['type'],
        actor: e.actorId === null ? null : account(e.actorId),
        target: { type: e.targetType, key: targetKey },
        before, after, at: e.at,
      };
    }),
  };
  const accounts = s.users
    .filter((u) => used.has(u.id))
    .map((u) => ({ email: u.email, name: u.name }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  return { ...doc, accounts };
}

/** Key order of the document as written: people read it top-down. */
export function serializeReviewArchive(doc: ReviewArchive): string {
  const { format, version, exportedAt, article, accounts, revisions, claims, verdicts, sources, relations, comments, events } = doc;
  return `${JSON.stringify({ format, version, exportedAt, article, accounts, revisions, claims, verdicts, sources, relations, comments, events }, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Import: text -> checked document -> rows with fresh ids

/** Bytes of an uploaded file -> text; 413 over the cap, 415 when it is not UTF-8 text. */
export function decodeArchiveBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_ARCHIVE_BYTES) throw tooLarge(bytes.byteLength);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('unsupported_format', 'The archive is not UTF-8 text. Upload the .json file that Factdesk exported (format=archive).');
  }
  if (text.includes('\u0000')) throw new AppError('unsupported_format', 'The archive looks like a binary file, not JSON. Upload the .json file that Factdesk exported.');
  return text;
}

function tooLarge(bytes: number): AppError {
  return new AppError('too_large', `The archive is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_ARCHIVE_BYTES / 1048576} MB.`);
}

function invalid(message: string, fields?: Record<string, string>): AppError {
  return new AppError('invalid', `This archive cannot be imported: ${message}`, fields);
}

/** Parses and checks an archive completely; throws 413/422 naming what is wrong. Writes nothing. */
export function parseReviewArchive(text: string): ReviewArchive {
  const bytes = new TextEncoder().encode(text).byteLength;
  if (bytes > MAX_ARCHIVE_BYTES) throw tooLarge(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw invalid(`it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('it is not a JSON object.');
  const head = raw as { format?: unknown; version?: unknown };
  if (head.format !== ARCHIVE_FORMAT) {
    throw invalid(`"format" is ${JSON.stringify(head.format) ?? 'missing'}, expected "${ARCHIVE_FORMAT}". Is this a Factdesk review archive?`, { format: 'Wrong format.' });
  }
  if (head.version !== ARCHIVE_VERSION) {
    throw invalid(`archive version ${JSON.stringify(head.version) ?? '(missing)'} is not supported; this install reads version ${ARCHIVE_VERSION}.`, { version: 'Unsupported version.' });
  }
  const parsed = reviewArchiveSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
    const [first] = Object.entries(fields);
    const more = Object.keys(fields).length - 1;
    throw invalid(`${first![0]}: ${first![1]}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`, fields);
  }
  throwProblems(checkReferences(parsed.data));
  return parsed.data;
}

/** 422 naming the first problem (and how many more), with every problem by path. */
export function throwProblems(problems: Problem[]): void {
  if (problems.length) {
    const fields = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    throw invalid(`${problems[0]!.path}: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, fields);
  }
}

type Problem = { path: string; message: string };

/** Everything zod cannot see on one field: duplicates, dangling references, offsets vs text. */
export function checkReferences(doc: ReviewArchive): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => {
    if (problems.length < 50) problems.push({ path, message });
  };
  const unique = <T>(items: T[], id: (x: T) => string, name: string, path: string) => {
    const seen = new Set<string>();
    items.forEach((x, i) => {
      const k = id(x);
      if (seen.has(k)) add(`${path}.${i}`, `duplicate ${name} ${JSON.stringify(k)}.`);
      seen.add(k);
    });
    return seen;
  };

  const emails = unique(doc.accounts, (a) => a.email.toLowerCase(), 'account', 'accounts');
  const referenced = new Set<string>();
  const person = (path: string, e: string | null) => {
    if (e === null) return;
    referenced.add(e.toLowerCase());
    if (!emails.has(e.toLowerCase())) add(path, `account ${e} is not listed under "accounts".`);
  };
  const revisions = new Map(doc.revisions.map((r) => [r.number, r]));
  unique(doc.revisions, (r) => String(r.number), 'revision number', 'revisions');
  const keys = new Map<string, string>([['article', 'article']]);
  for (const r of doc.revisions) keys.set(`r${r.number}`, 'revision');
  for (const a of doc.accounts) keys.set(`account:${a.email.toLowerCase()}`, 'user');

  person('article.createdBy', doc.article.createdBy);
  if (doc.article.verifiedRevision !== null && !revisions.has(doc.article.verifiedRevision)) {
    add('article.verifiedRevision', `revision ${doc.article.verifiedRevision} is not in the archive.`);
  }
  doc.revisions.forEach((r, i) => person(`revisions.${i}.createdBy`, r.createdBy));

  const claims = unique(doc.claims, (c) => c.key, 'claim key', 'claims');
  doc.claims.forEach((c, i) => {
    keys.set(c.key, 'claim');
    const rev = revisions.get(c.revision);
    if (!rev) return add(`claims.${i}.revision`, `claim ${c.key} sits on revision ${c.revision}, which is not in the archive.`);
    if (c.start > c.end || c.end > rev.text.length) {
      return add(`claims.${i}.end`, `claim ${c.key}: offsets ${c.start}-${c.end} fall outside revision ${c.revision} (${rev.text.length} characters).`);
    }
    if (rev.text.slice(c.start, c.end) !== c.quote) {
      add(`claims.${i}.quote`, `claim ${c.key}: the quote does not match revision ${c.revision}'s text at ${c.start}-${c.end}.`);
    }
  });
  const claimRef = (path: string, key: string) => {
    if (!claims.has(key)) add(path, `claim ${key} is not in the archive.`);
  };

  unique(doc.verdicts, (v) => v.key, 'verdict key', 'verdicts');
  doc.verdicts.forEach((v, i) => {
    keys.set(v.key, 'verdict');
    claimRef(`verdicts.${i}.claim`, v.claim);
    person(`verdicts.${i}.author`, v.author);
    if (!revisions.has(v.revisionNumber)) add(`verdicts.${i}.revisionNumber`, `revision ${v.revisionNumber} is not in the archive.`);
  });
  unique(doc.sources, (x) => x.key, 'source key', 'sources');
  doc.sources.forEach((x, i) => {
    keys.set(x.key, 'source');
    claimRef(`sources.${i}.claim`, x.claim);
    person(`sources.${i}.createdBy`, x.createdBy);
  });
  unique(doc.relations, (r) => r.key, 'relation key', 'relations');
  doc.relations.forEach((r, i) => {
    keys.set(r.key, 'relation');
    claimRef(`relations.${i}.a`, r.a);
    claimRef(`relations.${i}.b`, r.b);
    if (r.a === r.b) add(`relations.${i}.b`, `relation ${r.key} links claim ${r.a} to itself.`);
    person(`relations.${i}.createdBy`, r.createdBy);
  });

  const comments = doc.comments ?? [];
  unique(comments, (c) => c.key, 'comment key', 'comments');
  comments.forEach((c, i) => {
    keys.set(c.key, 'comment');
    claimRef(`comments.${i}.claim`, c.claim);
    person(`comments.${i}.author`, c.author);
    c.mentions.forEach((m, j) => person(`comments.${i}.mentions.${j}`, m));
    person(`comments.${i}.resolvedBy`, c.resolvedBy);
    if ((c.resolvedAt === null) !== (c.resolvedBy === null)) add(`comments.${i}.resolvedBy`, `comment ${c.key}: resolvedAt and resolvedBy go together.`);
  });

  doc.events.forEach((e, i) => {
    person(`events.${i}.actor`, e.actor);
    const k = e.target.key;
    if (k !== null) {
      const kind = keys.get(k.startsWith('account:') ? k.toLowerCase() : k);
      if (kind === undefined) add(`events.${i}.target.key`, `${JSON.stringify(k)} is not in the archive.`);
      else if ((TARGET_TYPES as readonly string[]).includes(e.target.type) && kind !== e.target.type) add(`events.${i}.target.type`, `${JSON.stringify(k)} is a ${kind}, not a ${e.target.type}.`);
      else if (kind === 'user') referenced.add(k.slice('account:'.length).toLowerCase());
    }
    for (const side of ['before', 'after'] as const) {
      walkRefs(e[side] ?? null, (key) => {
        const kind = keys.get(key.startsWith('account:') ? key.toLowerCase() : key);
        if (kind === undefined) add(`events.${i}.${side}`, `reference ${JSON.stringify(key)} is not in the archive.`);
        else if (kind === 'user') referenced.add(key.slice('account:'.length).toLowerCase());
      });
    }
  });

  doc.accounts.forEach((a, i) => {
    if (!referenced.has(a.email.toLowerCase())) add(`accounts.${i}`, `account ${a.email} is listed but nothing in the archive refers to it.`);
  });
  return problems;
}

/**
 * Every verdict's rating must be a key of this desk's scale. Retired entries count: an archive's old
 * verdict keeps its meaning here as it did there. Unknown ones are named with the ratings on offer,
 * since the person importing has to add the rating (or fix the file) before trying again.
 */
export function checkRatings(doc: ReviewArchive, entries: readonly ScaleEntry[]): Problem[] {
  const offered = entries.map((e) => (e.name === e.key ? e.name : `${e.name} (key "${e.key}")`) + (e.retired ? ', retired' : '')).join('; ');
  const problems: Problem[] = [];
  doc.verdicts.forEach((v, i) => {
    if (problems.length < 50 && !entryFor(entries, v.rating)) {
      problems.push({
        path: `verdicts.${i}.rating`,
        message: `"${v.rating}" is not a rating on this desk's verdict scale. The ratings on offer: ${offered}. An admin can add it under Verdict scale, then import again.`,
      });
    }
  });
  return problems;
}

function isRef(value: Json): value is { [REF]: string } {
  return Boolean(value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as Record<string, unknown>)[REF] === 'string');
}

function walkRefs(value: Json, visit: (key: string) => void): void {
  if (isRef(value)) return visit(value[REF]);
  if (Array.isArray(value)) return value.forEach((v) => walkRefs(v, visit));
  if (value && typeof value === 'object') for (const v of Object.values(value)) walkRefs(v as Json, visit);
}

/** `{ "$ref": key }` -> the new database id. Only called on a document checkReferences passed. */
export function fromRefs(value: Json, idOf: (key: string) => string): Json {
  if (isRef(value)) return idOf(value[REF]);
  if (Array.isArray(value)) return value.map((v) => fromRefs(v, idOf));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromRefs(v as Json, idOf)]));
  }
  return value;
}

/** Every account email an archive needs (lower-case), for matching against the install's accounts. */
export function archiveAccounts(doc: ReviewArchive): Array<{ email: string; name: string }> {
  return doc.accounts.map((a) => ({ email: a.email.toLowerCase(), name: a.name }));
}

const date = (iso: string) => new Date(iso);
const maybeDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * The rows to insert, with ids from `newId` handed out in document order (so rows that share a
 * timestamp keep the document's order when read back) and accounts resolved by `accountId`.
 */
export function toImportRows(doc: ReviewArchive, newId: () => string, accountId: (email: string) => string) {
  const idOf = new Map<string, string>();
  const articleId = newId();
  idOf.set('article', articleId);
  const person = (e: string) => accountId(e.toLowerCase());
  const key = (k: string) => {
    const id = idOf.get(k) ?? (k.startsWith('account:') ? person(k.slice('account:'.length)) : undefined);
    if (id === undefined) throw new Error(`archive: unresolved key ${k}`);
    return id;
  };
  const a = doc.article;
  const article = {
    id: articleId, title: a.title, byline: a.byline, sourceFormat: a.sourceFormat, status: a.status, publicUrl: a.publicUrl,
    verifiedAt: maybeDate(a.verifiedAt), verifiedRevision: a.verifiedRevision, overrideReason: a.overrideReason,
    correctionsNote: a.correctionsNote, approvalRequired: a.approvalRequired ?? false, createdById: person(a.createdBy), createdAt: date(a.createdAt),
  };
  const revisions = doc.revisions.map((r) => {
    const id = newId();
    idOf.set(`r${r.number}`, id);
    return { id, articleId, number: r.number, text: r.text, format: r.format, createdById: person(r.createdBy), createdAt: date(r.createdAt) };
  });
  const claims = doc.claims.map((c) => {
    const id = newId();
    idOf.set(c.key, id);
    return {
      id, articleId, revisionId: key(`r${c.revision}`), ordinal: c.ordinal, start: c.start, end: c.end, quote: c.quote, text: c.text,
      contextBefore: c.contextBefore, contextAfter: c.contextAfter, type: c.type, score: c.score, checkworthy: c.checkworthy,
      flags: JSON.stringify(c.flags), entities: JSON.stringify(c.entities), numbers: JSON.stringify(c.numbers),
      antecedent: c.antecedent, status: c.status, dismissReason: c.dismissReason, speaker: c.speaker, speakerType: c.speakerType,
      stale: c.stale, previousQuote: c.previousQuote, archivedAt: maybeDate(c.archivedAt), version: c.version, createdAt: date(c.createdAt),
    };
  });
  const verdicts = doc.verdicts.map((v) => {
    const id = newId();
    idOf.set(v.key, id);
    return {
      id, claimId: key(v.claim), rating: v.rating, explanation: v.explanation, correction: v.correction,
      correctionStatus: v.correctionStatus, correctionDecidedAt: maybeDate(v.correctionDecidedAt), revisionNumber: v.revisionNumber,
      authorId: person(v.author), approvedAt: maybeDate(v.approvedAt ?? null), createdAt: date(v.createdAt),
    };
  });
  // Set once the verdicts exist (the claim points at one of them).
  const approvals = doc.claims.filter((c) => c.approvedVerdict).map((c) => ({ claimId: key(c.key), verdictId: key(c.approvedVerdict!) }));
  const sources = doc.sources.map((x) => {
    const id = newId();
    idOf.set(x.key, id);
    return {
      id, claimId: key(x.claim), url: x.url, title: x.title, publisher: x.publisher, quote: x.quote, stance: x.stance,
      accessedAt: date(x.accessedAt), createdById: person(x.createdBy), createdAt: date(x.createdAt), removedAt: maybeDate(x.removedAt),
    };
  });
  const relations = doc.relations.map((r) => {
    const id = newId();
    idOf.set(r.key, id);
    return {
      id, articleId, aId: key(r.a), bId: key(r.b), type: r.type, origin: r.origin, status: r.status, reason: r.reason, note: r.note,
      createdById: r.createdBy === null ? null : person(r.createdBy), createdAt: date(r.createdAt),
    };
  });
  const comments = (doc.comments ?? []).map((c) => {
    const id = newId();
    idOf.set(c.key, id);
    return {
      id, claimId: key(c.claim), articleId, authorId: person(c.author), body: c.body, resolvedAt: maybeDate(c.resolvedAt),
      resolvedById: c.resolvedBy === null ? null : person(c.resolvedBy), createdAt: date(c.createdAt),
    };
  });
  const mentions = (doc.comments ?? []).flatMap((c) => [...new Set(c.mentions.map(person))].map((userId) => ({ commentId: key(c.key), userId })));
  const events = doc.events.map((e) => ({
    id: newId(), articleId, actorId: e.actor === null ? null : person(e.actor), type: e.type, targetType: e.target.type,
    // An event whose target was outside the article keeps an empty target rather than a made-up one.
    targetId: e.target.key === null ? '' : key(e.target.key),
    before: e.before === null ? null : JSON.stringify(fromRefs(e.before, key)),
    after: e.after === null ? null : JSON.stringify(fromRefs(e.after, key)),
    at: date(e.at),
  }));
  /** Claims with a verdict, for the "checked before" search index. */
  const textOf = new Map(claims.map((c) => [c.id, c.text]));
  const reviewed = [...new Set(verdicts.map((v) => v.claimId))].map((id) => ({ id, text: textOf.get(id)! }));
  return { article, revisions, claims, verdicts, sources, relations, comments, mentions, events, reviewed, approvals };
}

export type ImportRows = ReturnType<typeof toImportRows>;
