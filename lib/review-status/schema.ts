// Inputs for the approval step, shared by the forms and the server.
import { z } from 'zod';
import { storableText, versionField } from '../api/input-safety';

export const approveInputSchema = z.object({ version: versionField });

export const sendBackInputSchema = z.object({
  comment: storableText().trim().min(1, 'Say what the reviewer should look at again.').max(5000, 'Keep the comment under 5,000 characters.'),
  version: versionField,
});

/** Removing a source is a change to the claim, so it too sends the version the person saw. */
export const sourceRemoveInputSchema = z.object({ version: versionField });

/** Confirming or dismissing a link sends the link's version (RelationDto.version). */
export const relationStatusInputSchema = z.object({ version: versionField });

export const approvalSettingSchema = z.object({ approvalRequired: z.boolean({ message: 'approvalRequired must be true or false.' }) });

export type ApproveInput = z.infer<typeof approveInputSchema>;
export type SendBackInput = z.infer<typeof sendBackInputSchema>;
