// Assignment input (issue 10 item 2), shared by the API and the forms.
import { z } from 'zod';
import { idField, versionField } from '../api/input-safety';

// An ISO time; null or absent means "no due time".
const dueField = z
  .union([z.iso.datetime({ offset: true, message: 'due must be a date and time, e.g. 2026-11-26T17:00:00Z.' }), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v) : null));

// The second reviewer of a blind double check (decision 031): absent keeps the claim's, null removes it.
const secondField = idField('Choose the second reviewer.').nullable().optional();

export const assignClaimSchema = z.object({ reviewerId: idField('Choose who to assign.'), due: dueField, version: versionField, secondReviewerId: secondField });
export const assignArticleSchema = z.object({ reviewerId: idField('Choose who to assign.'), due: dueField, secondReviewerId: secondField });
export type AssignClaimInput = z.input<typeof assignClaimSchema>;
export type AssignArticleInput = z.input<typeof assignArticleSchema>;
