import { z } from 'zod';
import { storableText } from '../api/input-safety';

export const articleInputSchema = z.object({
  title: storableText().trim().min(1, 'Give the article a title.').max(300, 'Keep the title under 300 characters.'),
  byline: storableText().trim().max(300, 'Keep the byline under 300 characters.').optional().default(''),
  text: storableText({ message: 'Paste the article text or upload a file.' }),
  format: z.enum(['text', 'markdown', 'html']).optional().default('text'),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

/** A new draft of an existing article (`POST /api/articles/:id/revisions`). */
export const revisionInputSchema = z.object({
  text: storableText({ message: 'Paste the new draft or upload a file.' }),
  format: z.enum(['text', 'markdown', 'html']).optional().default('text'),
  /** The draft number the editor was looking at: a newer one loaded meanwhile is a 409. */
  basedOn: z.number().int().positive().max(2_147_483_647).optional(),
});
export type RevisionInput = z.input<typeof revisionInputSchema>;
