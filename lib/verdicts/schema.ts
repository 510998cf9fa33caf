// Inputs a reviewer sends: shared by the dialog's form and the server.
import { z } from 'zod';
import { storableText, versionField } from '../api/input-safety';

const httpUrl = storableText()
  .trim()
  .min(1, 'Enter the source URL.')
  .max(2048, 'URL is too long (2,048 characters at most).')
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Use a full http:// or https:// address.');

export const verdictInputSchema = z.object({
  // Checked against the configured scale by the data layer (lib/db/verdict-scale.ts ratingKeyFor):
  // a key or the current name of a rating that is not retired.
  rating: z.string({ message: 'Choose a rating.' }).trim().min(1, 'Choose a rating.').max(100, 'Choose a rating from the list.'),
  explanation: storableText().trim().min(1, 'Explain the verdict in a sentence or two.').max(5000, 'Keep the explanation under 5,000 characters.'),
  correction: storableText().trim().max(5000, 'Keep the correction under 5,000 characters.').optional().transform((v) => v || undefined),
  version: versionField,
});

export const sourceInputSchema = z.object({
  url: httpUrl,
  title: storableText().trim().min(1, 'Give the source a title.').max(500, 'Title is too long.'),
  publisher: storableText().trim().max(200).optional(),
  quote: storableText().trim().max(5000, 'Keep the quoted passage under 5,000 characters.').optional(),
  stance: z.enum(['supports', 'refutes', 'context'], { message: 'Stance must be supports, refutes or context.' }),
  version: versionField,
});

export const dismissInputSchema = z.object({
  reason: storableText().trim().min(1, 'Say why this is not checkable (opinion, question, prediction...).').max(2000),
  version: versionField,
});

export type VerdictInput = z.infer<typeof verdictInputSchema>;
export type SourceInput = z.infer<typeof sourceInputSchema>;
export type DismissInput = z.infer<typeof dismissInputSchema>;
