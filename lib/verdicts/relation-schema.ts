import { z } from 'zod';
import { idField, storableText, versionField } from '../api/input-safety';
import { RELATION_TYPES } from '../claims/schema';

export const relationInputSchema = z.object({
  a: idField('Choose the first claim.'),
  b: idField('Choose the second claim.'),
  type: z.enum(RELATION_TYPES, { message: 'Type must be contradicts, duplicates or supports.' }),
  note: storableText().trim().min(1, 'Say in a few words why these claims are linked.').max(2000),
});

export const reuseInputSchema = z.object({
  from: idField('Say which reviewed claim to reuse.'),
  version: versionField,
});

export type RelationInput = z.infer<typeof relationInputSchema>;
export type ReuseInput = z.infer<typeof reuseInputSchema>;
