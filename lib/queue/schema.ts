// Assignment input (issue 10 item 2), shared by the API and the forms.
import { z } from 'zod';
import { idField, versionField } from '../api/input-safety';

// An ISO time; null or absent means "no due time".
const dueField = z
  .union([z.iso.datetime({ offset: true, message: 'due must be a date and time, e.g. 2026-11-26T17:00:00Z.' }), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v) : null));

export const assignClaimSchema = z.object({ reviewerId: idField('Choose who to assign.'), due: dueField, version: versionField });
export const assignArticleSchema = z.object({ reviewerId: idField('Choose who to assign.'), due: dueField });
export type AssignClaimInput = z.input<typeof assignClaimSchema>;
export type AssignArticleInput = z.input<typeof assignArticleSchema>;
