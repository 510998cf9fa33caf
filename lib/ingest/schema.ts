import { z } from 'zod';

export const articleInputSchema = z.object({
  title: z.string().trim().min(1, 'Give the article a title.').max(300, 'Keep the title under 300 characters.'),
  byline: z.string().trim().max(300, 'Keep the byline under 300 characters.').optional().default(''),
  text: z.string({ message: 'Paste the article text or upload a file.' }),
  format: z.enum(['text', 'markdown', 'html']).optional().default('text'),
});
export type ArticleInput = z.input<typeof articleInputSchema>;
