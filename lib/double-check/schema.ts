// Inputs of blind double verification (decision 031), shared by the forms and the server.
import { z } from 'zod';
import { storableText, versionField } from '../api/input-safety';

export const doubleCheckSettingSchema = z.object({ doubleCheck: z.boolean({ message: 'doubleCheck must be true or false.' }) });

/**
 * The editor's decision: `choose` one of the two ratings ("first" is the assignee's, "second" the
 * second reviewer's), or give their own `rating` and `explanation` (and optional `correction`).
 */
export const resolveInputSchema = z
  .object({
    choose: z.enum(['first', 'second'], { message: 'choose must be "first" or "second".' }).optional(),
    // Checked against the configured scale by the data layer (ratingKeyFor), as for any verdict.
    rating: z.string({ message: 'Choose a rating.' }).trim().min(1, 'Choose a rating.').max(100, 'Choose a rating from the list.').optional(),
    explanation: storableText().trim().max(5000, 'Keep the explanation under 5,000 characters.').optional(),
    correction: storableText().trim().max(5000, 'Keep the correction under 5,000 characters.').optional().transform((v) => v || undefined),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.choose && (v.rating || v.explanation)) {
      ctx.addIssue({ code: 'custom', path: ['choose'], message: 'Either choose one of the two ratings or give your own, not both.' });
    } else if (!v.choose && !v.rating) {
      ctx.addIssue({ code: 'custom', path: ['choose'], message: 'Choose one of the two ratings ("first" or "second"), or give your own rating and explanation.' });
    } else if (!v.choose && !v.explanation) {
      ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'Explain your own verdict in a sentence or two.' });
    }
  });

export type ResolveInput = z.input<typeof resolveInputSchema>;
