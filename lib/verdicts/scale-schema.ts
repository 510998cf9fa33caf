// The admin's edit of the verdict scale (decision 032), validated on the server. Kept apart from
// ./scale.ts, which client components import: a zod object schema built in the browser probes `eval`,
// which the page's Content-Security-Policy reports as a violation.
import { z } from 'zod';
import { contrastRatio, HEX, ICON_NAMES, MIN_CONTRAST_ON_WHITE } from './scale';

const entryInput = z.object({
  /** Absent for a new entry; an existing entry's key otherwise. */
  key: z.string().max(100).optional(),
  name: z.string({ message: 'Give the rating a name.' }).trim().min(1, 'Give the rating a name.').max(40, 'Keep the name under 40 characters.')
    .refine((v) => !/[\u0000-\u001f\u007f<>]/.test(v), 'Use letters, digits and punctuation; no < or > or control characters.'),
  ratingValue: z.number({ message: 'ratingValue must be a whole number from 0 to 100, or empty.' }).int('ratingValue must be a whole number.').min(0, 'ratingValue must be 0 or more.').max(100, 'ratingValue must be 100 or less.').nullable(),
  colour: z.string().trim().toLowerCase().regex(HEX, 'Colour must look like #1d6b3a (# and six hex digits).')
    .refine((c) => contrastRatio(c, '#ffffff') >= MIN_CONTRAST_ON_WHITE, 'This colour is too light to read on white (needs 3:1). Choose a darker shade.'),
  icon: z.enum(ICON_NAMES, { message: `Icon must be one of: ${ICON_NAMES.join(', ')}.` }),
  retired: z.boolean().optional().default(false),
});

export const scaleInputSchema = z.object({
  version: z.number({ message: 'Send the scale version you edited (reload the page to get it).' }).int().positive(),
  /** The whole scale in order. An existing entry left out is deleted (allowed only while unused). */
  entries: z.array(entryInput).min(1, 'The scale needs at least one rating.').max(20, 'Keep the scale to 20 ratings at most.'),
}).superRefine((input, ctx) => {
  const seen = new Map<string, number>();
  input.entries.forEach((e, i) => {
    const name = e.name.toLowerCase();
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'name'], message: `“${e.name}” is already the name of rating ${seen.get(name)! + 1}; names must differ.` });
    else seen.set(name, i);
  });
  // resolveRating reads a choice as a key before a name, so a name that is another rating's key
  // (rename "True" to "Accurate", then "Mostly true" to "True") would rate with the wrong entry.
  const keyOwner = new Map(input.entries.flatMap((e, i) => (e.key ? [[e.key.toLowerCase(), i] as const] : [])));
  input.entries.forEach((e, i) => {
    const owner = keyOwner.get(e.name.toLowerCase());
    if (owner === undefined || owner === i) return;
    const other = input.entries[owner]!;
    ctx.addIssue({
      code: 'custom', path: ['entries', i, 'name'],
      message: `“${e.name}” is the key of rating ${owner + 1} (“${other.name}”), which old verdicts and API clients use to name it; a rating named so would be mistaken for it. Choose another name.`,
    });
  });
  const keys = input.entries.flatMap((e) => (e.key ? [e.key] : []));
  if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['entries'], message: 'An existing rating appears twice; send each once.' });
  if (input.entries.every((e) => e.retired)) ctx.addIssue({ code: 'custom', path: ['entries'], message: 'Keep at least one rating that is not retired, or reviewers could not give a verdict.' });
});
export type ScaleInput = z.input<typeof scaleInputSchema>;
export type ParsedScaleInput = z.output<typeof scaleInputSchema>;
