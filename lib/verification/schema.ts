// Inputs for the editor's decisions on the verified version, shared by the forms and the server.
import { z } from 'zod';
import { storableText } from '../api/input-safety';

const version = z.number({ message: 'version is required' }).int().positive().max(2_147_483_647);

export const verifyInputSchema = z.object({
  override: storableText().trim().max(2000, 'Keep the reason under 2,000 characters.').optional()
    .transform((v) => v || undefined),
});

export const correctionDecisionSchema = z.object({
  decision: z.enum(['accept', 'reject'], { message: 'Decide "accept" or "reject".' }),
  version,
  /** The verdict whose correction the editor read. Optional for older clients; when sent, the
   *  decision is refused (409) if a newer verdict has replaced it, so it never lands on one unread. */
  verdictId: z.string().min(1).max(100).optional(),
});

const httpUrl = storableText().trim().max(2048, 'URL is too long (2,048 characters at most).').refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.hash;
  } catch {
    return false;
  }
}, 'Use the full http:// or https:// address where the fact check will be published, without a #fragment.');

export const articleUpdateSchema = z.object({
  publicUrl: z.union([httpUrl, z.literal(''), z.null()]).optional().transform((v) => (v === '' ? null : v)),
  correctionsNote: z.union([storableText().max(20_000, 'Keep the note under 20,000 characters.'), z.null()]).optional()
    .transform((v) => (typeof v === 'string' && !v.trim() ? null : v)),
}).refine((v) => v.publicUrl !== undefined || v.correctionsNote !== undefined, { message: 'Send publicUrl or correctionsNote.' });

export const speakerInputSchema = z.object({
  name: storableText().trim().max(200, 'Keep the name under 200 characters.'),
  type: z.enum(['Person', 'Organization'], { message: 'Type must be Person or Organization.' }),
  version,
});

export type VerifyInput = z.input<typeof verifyInputSchema>;
export type CorrectionDecision = z.infer<typeof correctionDecisionSchema>;
export type ArticleUpdate = z.input<typeof articleUpdateSchema>;
export type SpeakerInput = z.infer<typeof speakerInputSchema>;
