// Inputs for correcting the extraction by hand (docs/API.md "Correcting the extraction"), shared by
// the review screen and the server. Offsets are JavaScript string offsets into the current draft's
// text, like every claim's start and end.
import { z } from 'zod';

/**
 * The status of a span a reviewer marked "not a claim" (page furniture, a caption, a byline the
 * extractor took for a statement). Different from `dismissed`, which is a checkable-looking claim
 * judged not checkable: a not-a-claim row is not a claim at all, so it is left out of the article's
 * current claims (lib/db/claim-dto.ts `currentClaimsWhere`) and thereby out of the screen, the API,
 * the publish gate and every export. See docs/decisions/014-correcting-the-extraction.md.
 */
export const NOT_A_CLAIM = 'not_a_claim';
/** The status of a claim folded into its neighbour by a merge; such rows are also archived. */
export const MERGED = 'merged';

const MAX_OFFSET = 2_147_483_647;
const offset = (what: string) =>
  z.number({ message: `${what} must be a character offset (a whole number).` }).int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`).max(MAX_OFFSET, `${what} is too large.`);
const version = z.number({ message: 'version is required: send the version of the claim you saw.' }).int().positive().max(MAX_OFFSET);

export const addClaimSchema = z.object({ start: offset('start'), end: offset('end') });

export const resizeClaimSchema = z.object({ start: offset('start'), end: offset('end'), version });

export const splitClaimSchema = z.object({ at: offset('at'), version });

export const mergeClaimsSchema = z.object({
  ids: z.array(z.string().min(1).max(64), { message: 'ids must be a list of claim ids.' })
    .min(2, 'Choose at least two claims to merge.').max(50, 'Merge at most 50 claims at once.'),
  versions: z.array(version, { message: 'versions must be a list of the claims\u2019 versions.' }),
}).refine((v) => v.ids.length === v.versions.length, { message: 'Send one version per claim id, in the same order.', path: ['versions'] })
  .refine((v) => new Set(v.ids).size === v.ids.length, { message: 'Each claim may appear only once.', path: ['ids'] });

export const notAClaimSchema = z.object({ version });

export type AddClaimInput = z.infer<typeof addClaimSchema>;
export type ResizeClaimInput = z.infer<typeof resizeClaimSchema>;
export type SplitClaimInput = z.infer<typeof splitClaimSchema>;
export type MergeClaimsInput = z.infer<typeof mergeClaimsSchema>;
export type NotAClaimInput = z.infer<typeof notAClaimSchema>;
