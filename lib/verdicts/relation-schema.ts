import { z } from 'zod';
import { RELATION_TYPES } from '../claims/schema';

export const relationInputSchema = z.object({
  a: z.string().min(1, 'Choose the first claim.'),
  b: z.string().min(1, 'Choose the second claim.'),
  type: z.enum(RELATION_TYPES, { message: 'Type must be contradicts, duplicates or supports.' }),
  note: z.string().trim().min(1, 'Say in a few words why these claims are linked.').max(2000),
});

export const reuseInputSchema = z.object({
  from: z.string().min(1, 'Say which reviewed claim to reuse.'),
  version: z.number({ message: 'version is required' }).int().positive(),
});

export type RelationInput = z.infer<typeof relationInputSchema>;
export type ReuseInput = z.infer<typeof reuseInputSchema>;
