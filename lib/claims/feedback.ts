// Learning from the desk: every manual add, split, merge, resize and not-a-claim is a labelled
// example of what this desk calls a claim. The history events of those edits carry the sentence and
// span (lib/db/claim-edits.ts), so the feedback file is a projection of the history; this module
// turns events into JSONL records and records into training examples. Pure.
import { z } from 'zod';

export const FEEDBACK_EVENT_TYPES = ['claim.added', 'claim.resized', 'claim.split', 'claim.merged', 'claim.not-a-claim'] as const;

const ACTIONS: Record<(typeof FEEDBACK_EVENT_TYPES)[number], FeedbackRecord['action']> = {
  'claim.added': 'add', 'claim.resized': 'resize', 'claim.split': 'split', 'claim.merged': 'merge', 'claim.not-a-claim': 'not_a_claim',
};

const offset = z.number().int().min(0);

/** One line of `claims --export-feedback`: the words a reviewer judged, in the sentence they judged them in. */
export const feedbackRecordSchema = z.object({
  sentence: z.string().min(1),
  /** Offsets into `sentence`; `text` is `sentence.slice(start, end)`. */
  span: z.object({ start: offset, end: offset, text: z.string().min(1) }),
  label: z.enum(['claim', 'not_a_claim']),
  action: z.enum(['add', 'split', 'merge', 'resize', 'not_a_claim']),
  when: z.string(),
  /** What the model scored the words at the time (0-1), when known: where it and the desk disagreed. */
  modelScore: z.number().min(0).max(1).optional(),
  article: z.string().optional(),
  claim: z.string().optional(),
}).refine((r) => r.span.end <= r.sentence.length && r.sentence.slice(r.span.start, r.span.end) === r.span.text, {
  message: 'span.text must equal sentence.slice(span.start, span.end)', path: ['span'],
});

export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;

const labelledSpan = z.object({
  quote: z.string(), start: offset, end: offset, score: z.number().optional(), sentence: z.string(), sentenceStart: offset,
  id: z.string().optional(),
});
const splitPayload = z.object({ parts: z.array(labelledSpan) });

export type FeedbackEvent = { type: string; at: string; articleId: string | null; targetId: string; after: unknown };

function record(span: z.infer<typeof labelledSpan>, e: FeedbackEvent, label: FeedbackRecord['label'], claimId: string): FeedbackRecord | null {
  const start = span.start - span.sentenceStart;
  const end = span.end - span.sentenceStart;
  // An event written before its payload carried the sentence, or a payload that does not line up, teaches nothing.
  if (start < 0 || end > span.sentence.length || span.sentence.slice(start, end) !== span.quote || !span.quote.trim()) return null;
  return {
    sentence: span.sentence, span: { start, end, text: span.quote }, label,
    action: ACTIONS[e.type as keyof typeof ACTIONS], when: e.at,
    ...(span.score === undefined ? {} : { modelScore: span.score }),
    ...(e.articleId ? { article: e.articleId } : {}), claim: claimId,
  };
}

/** The labelled spans one history event holds (a split holds two); none for other event types. */
export function eventToFeedback(e: FeedbackEvent): FeedbackRecord[] {
  if (!(FEEDBACK_EVENT_TYPES as readonly string[]).includes(e.type)) return [];
  if (e.type === 'claim.split') {
    const parsed = splitPayload.safeParse(e.after);
    if (!parsed.success) return [];
    return parsed.data.parts.flatMap((p) => record(p, e, 'claim', p.id ?? e.targetId) ?? []);
  }
  const parsed = labelledSpan.safeParse(e.after);
  if (!parsed.success) return [];
  const one = record(parsed.data, e, e.type === 'claim.not-a-claim' ? 'not_a_claim' : 'claim', e.targetId);
  return one ? [one] : [];
}

export type FeedbackProblem = { line: number; message: string };

/** Parses a feedback JSONL file; every bad line is reported with its number, none is skipped silently. */
export function parseFeedback(jsonl: string): { records: FeedbackRecord[]; problems: FeedbackProblem[] } {
  const records: FeedbackRecord[] = [];
  const problems: FeedbackProblem[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not valid JSON' });
      return;
    }
    const parsed = feedbackRecordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data);
    else problems.push({ line: i + 1, message: parsed.error.issues.map((x) => `${x.path.join('.') || 'record'}: ${x.message}`).join('; ') });
  });
  return { records, problems };
}

/**
 * Training examples from feedback: the span's words with 1 (a claim) or 0 (not a claim). When the
 * desk judged the same words twice, the later judgement wins (a claim added, then marked not a claim,
 * is not a claim).
 */
export function feedbackExamples(records: FeedbackRecord[]): Array<{ text: string; label: 0 | 1 }> {
  const latest = new Map<string, FeedbackRecord>();
  for (const r of [...records].sort((a, b) => a.when.localeCompare(b.when))) latest.set(r.span.text.trim(), r);
  return [...latest.values()].map((r) => ({ text: r.span.text, label: r.label === 'claim' ? 1 : 0 }));
}
