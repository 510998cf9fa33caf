import { z } from 'zod';
import { storableText } from '../api/input-safety';

export const articleInputSchema = z.object({
  title: storableText().trim().min(1, 'Give the article a title.').max(300, 'Keep the title under 300 characters.'),
  byline: storableText().trim().max(300, 'Keep the byline under 300 characters.').optional().default(''),
  text: storableText({ message: 'Paste the article text or upload a file.' }),
  format: z.enum(['text', 'markdown', 'html']).optional().default('text'),
});
export type ArticleInput = z.input<typeof articleInputSchema>;
